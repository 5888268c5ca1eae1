package ${package}.mail;

import ${package}.QuietOutputCaptureExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * With a mail server set, the buyer's e-mails need a sender: store.mail.from, or the mail server's
 * account. Only the mail beans are started here (Spring Boot's mail auto-configuration and the
 * outbox), not a whole store: a whole store's context costs every build seconds.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class MailSenderTests {

	final ApplicationContextRunner mail = new ApplicationContextRunner().withUserConfiguration(MailOnly.class)
		.withPropertyValues("spring.mail.host=127.0.0.1");

	@Test
	void withAMailServerButNoSenderTheStoreRefusesToStartNamingStoreMailFrom(CapturedOutput output) {
		// Started as the store starts, so that the report is Spring Boot's own. The test's
		// application.properties sets a sender: emptied here.
		SpringApplication mailOnly = new SpringApplication(MailOnly.class);
		mailOnly.setWebApplicationType(WebApplicationType.NONE);

		assertThatException().isThrownBy(() -> mailOnly.run("--spring.mail.host=127.0.0.1", "--store.mail.from="));

		assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "'store.mail.from'",
				"neither store.mail.from nor spring.mail.username is", "Set store.mail.from (or STORE_MAIL_FROM)")
			// What Spring Boot logs, with the stack trace, for a failure no report explains. Not "no
			// stack trace at all": the output holds every thread's, such as a Redis client's of an
			// earlier test shutting down.
			.as("a start-up report, not a stack trace")
			.doesNotContain("Application run failed");
	}

	@Test
	void aSenderOfTheStoresOwnWillDo() {
		mail.withPropertyValues("store.mail.from=My Store <shop@example.com>")
			.run(context -> assertThat(context.getBean(MailOutbox.class).enabled()).isTrue());
	}

	@Test
	void theMailServersAccountWillDo() {
		mail.withPropertyValues("spring.mail.username=shop@example.com")
			.run(context -> assertThat(context.getBean(MailOutbox.class).enabled()).isTrue());
	}

	@Test
	void withoutAMailServerNoSenderIsNeeded() {
		new ApplicationContextRunner().withUserConfiguration(MailOnly.class)
			.run(context -> assertThat(context.getBean(MailOutbox.class).enabled()).isFalse());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(MailSenderAutoConfiguration.class)
	@EnableConfigurationProperties(MailProperties.class)
	@Import(MailOutbox.class)
	static class MailOnly {

	}

}
