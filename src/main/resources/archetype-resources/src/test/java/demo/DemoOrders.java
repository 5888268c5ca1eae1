package ${package}.demo;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The orders feature in the demo: a page of what it recorded ({@link OrdersController}). The demo's
 * orders database is the tests' one, in memory (src/test/resources/application.properties), so
 * nothing of the demo ends up in the store's own database under ./data.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(OrdersController.class)
class DemoOrders {

	@Bean
	DemoPage ordersPage() {
		return new DemoPage(OrdersController.PATH, "Orders recorded");
	}

}
