package com.example.hostile.downloads.mail;

import com.example.hostile.downloads.QuietOutputCaptureExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code spring.mail.host} the store sends no e-mail and says so once at start-up. Only
 * the mail beans are started here (Spring Boot's mail auto-configuration and the outbox), not a
 * whole store: a whole store's context costs every build seconds.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class NoMailServerTests {

	static final String NOTICE = "spring.mail.host is not set";

	final ApplicationContextRunner mail = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
		.withUserConfiguration(Settings.class, MailOutbox.class);

	@Test
	void withoutAHostNothingIsSentAndTheLogSaysSoOnce(CapturedOutput output) {
		mail.run(context -> {
			assertThat(context).doesNotHaveBean(JavaMailSender.class);
			MailOutbox outbox = context.getBean(MailOutbox.class);
			assertThat(outbox.enabled()).isFalse();
			outbox.send("cs_test_nomail", message -> {
				throw new AssertionError("no e-mail is written without a mail server");
			});
			outbox.send("cs_test_nomail_2", message -> {
				throw new AssertionError("no e-mail is written without a mail server");
			});
			assertThat(outbox.idle()).isTrue();
		});
		assertThat(output.getOut().split(NOTICE, -1)).as("notices in the log").hasSize(2);
	}

	@Test
	void withAHostTheLogSaysNothingOfIt(CapturedOutput output) {
		mail.withPropertyValues("spring.mail.host=localhost", "store.mail.from=shop@example.com").run(context -> {
			assertThat(context).hasSingleBean(JavaMailSender.class);
			assertThat(context.getBean(MailOutbox.class).enabled()).isTrue();
		});
		assertThat(output.getOut()).doesNotContain(NOTICE);
	}

	@Test
	void aSenderThatIsNotAnAddressStopsStartUp() {
		mail.withPropertyValues("store.mail.from=not an address").run(context -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MailProperties.class)
	static class Settings {

	}

}
