package com.example.posters.demo;

import com.example.posters.mail.MailServer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A mail server for the demo, the tests' own ({@link MailServer}), which keeps what the store sends
 * and lets nothing out; the demo's page lists it ({@link SentMailController}).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SentMailController.class)
class DemoMail {

	@Bean(destroyMethod = "stop")
	MailServer mailServer() {
		return new MailServer();
	}

	/**
	 * The store's mail sender, made here rather than by Spring Boot from spring.mail.host: Spring
	 * Boot decides whether to make one before the server's port is known.
	 */
	@Bean
	JavaMailSenderImpl mailSender(MailServer mailServer) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(MailServer.HOST);
		sender.setPort(mailServer.port());
		return sender;
	}

	// The server has no account, so the sender is the store's own (without one the store would not start).
	@Bean
	DynamicPropertyRegistrar mailSenderAddress() {
		return registry -> registry.add("store.mail.from", () -> "Demo Store <shop@example.com>");
	}

	@Bean
	DemoPage sentMailPage() {
		return new DemoPage(SentMailController.PATH, "E-mails sent");
	}

}
