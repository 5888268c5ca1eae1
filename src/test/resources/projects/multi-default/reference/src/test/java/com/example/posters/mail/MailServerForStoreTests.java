package com.example.posters.mail;

import java.util.List;

import com.example.posters.StoreTest;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * Gives every {@link StoreTest} context a {@link MailServer} of its own, as a bean, with the store's
 * spring.mail settings pointing at it, and starts the server again before each test (one may have
 * stopped or hung it). It plugs in through src/test/resources/META-INF/spring.factories, so that
 * StoreTest itself knows nothing of e-mail.
 */
public class MailServerForStoreTests implements ContextCustomizerFactory, TestExecutionListener {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, StoreTest.class) ? new WithMailServer() : null;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext().getBeanProvider(MailServer.class).ifAvailable(MailServer::start);
		}
	}

	/** Equal to every other, so that the contexts of classes configured alike are still shared. */
	record WithMailServer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			MailServer server = new MailServer();
			context.getBeanFactory().registerSingleton("mailServer", server);
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) closed -> server.stop());
			// A failed send is tried again soon, and a mail server that hangs is given up on in two
			// seconds. The server has no account, so the sender is the store's own (without one the
			// store would not start).
			TestPropertyValues
				.of("spring.mail.host=" + MailServer.HOST, "spring.mail.port=" + server.port(),
						"spring.mail.properties[mail.smtp.connectiontimeout]=2000",
						"spring.mail.properties[mail.smtp.timeout]=2000",
						"spring.mail.properties[mail.smtp.writetimeout]=2000",
						"store.mail.from=Test Store <shop@example.com>",
						"store.mail.retry-delays=200ms,400ms,800ms,1600ms,3200ms")
				.applyTo(context);
		}

	}

}
