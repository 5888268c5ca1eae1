package ${package}.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.support.DynamicPropertyRegistrarBeanInitializer;

/**
 * The demo: what {@code TestStoreApplication} adds to the store. Stripe played on this machine
 * ({@link DemoStripe}), #if( $features.replace(' ', '') == 'all' || $features.replace(' ', '').split(',').contains('mail') )a mail server and a page of the e-mails sent ({@link DemoMail}), #{end}#if( $features.replace(' ', '') == 'all' || $features.replace(' ', '').split(',').contains('orders') )a page of the orders recorded ({@link DemoOrders}), #{end}a page to refund
 * purchases ({@link DemoPurchasesController}), and a notice on every page ({@link DemoNotice}).
 * Its classes are test components, which component scanning leaves out: only this class brings
 * them in, so the store's tests never meet them.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ DemoStripe.class, #if( $features.replace(' ', '') == 'all' || $features.replace(' ', '').split(',').contains('mail') )DemoMail.class, #{end}#if( $features.replace(' ', '') == 'all' || $features.replace(' ', '').split(',').contains('orders') )DemoOrders.class, #{end}DemoPages.class })
public class Demo {

	/**
	 * Applies the demo's DynamicPropertyRegistrar beans (the stand-ins' addresses, known once they
	 * have started), as Spring's test framework does in a test. Under spring-boot:test-run there is
	 * no test framework, and Spring Boot applies them only with Testcontainers.
	 */
	@Bean
	@ConditionalOnMissingBean
	static DynamicPropertyRegistrarBeanInitializer dynamicPropertyRegistrarBeanInitializer() {
		return new DynamicPropertyRegistrarBeanInitializer();
	}

}
