package com.example.hostile.downloads.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.support.DynamicPropertyRegistrarBeanInitializer;

/**
 * The demo: what {@code TestStoreApplication} adds to the store. Stripe played on this machine
 * ({@link DemoStripe}), a mail server and a page of the e-mails sent ({@link DemoMail}), a page of the orders recorded ({@link DemoOrders}), a page to refund
 * purchases ({@link DemoPurchasesController}), and a notice on every page ({@link DemoNotice}).
 * Its classes are test components, which component scanning leaves out: only this class brings
 * them in, so the store's tests never meet them.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ DemoStripe.class, DemoMail.class, DemoOrders.class, DemoPages.class })
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
