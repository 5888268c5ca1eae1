package com.example.plain.stripe;

import java.time.Duration;
import java.util.stream.Stream;

import com.example.plain.QuietOutputCaptureExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which Stripe keys and settings the store accepts at start-up. None of these keys is real. */
@ExtendWith(QuietOutputCaptureExtension.class)
class StripePropertiesTests {

	static final String PUBLISHABLE = "pk_test_NOTAREALKEYpublishable";

	static final String SECRET = "sk_test_NOTAREALKEYsecret";

	static StripeProperties keys(String publishableKey, String secretKey, String webhookSecret) {
		return settings(publishableKey, secretKey, webhookSecret, 2, Duration.ofSeconds(30));
	}

	static StripeProperties settings(String publishableKey, String secretKey, String webhookSecret, int maxNetworkRetries,
			Duration paymentCacheTime) {
		return new StripeProperties(publishableKey, secretKey, webhookSecret, "https://api.stripe.com",
				"https://js.stripe.com/dahlia/stripe.js", Duration.ofSeconds(5), Duration.ofSeconds(10), maxNetworkRetries,
				paymentCacheTime);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(StripeProperties.class)
	static class StripePropertiesOnly {
	}

	final ApplicationContextRunner settingsOnly = new ApplicationContextRunner()
		.withUserConfiguration(StripePropertiesOnly.class);

	@Test
	void withoutKeysPaymentsAreOff() {
		StripeProperties settings = keys("", null, null);

		assertThat(settings.paymentsEnabled()).isFalse();
		assertThat(settings.webhookEnabled()).isFalse();
	}

	@Test
	void theDefaultsAreStripesOwnAddressesAndTheDahliaStripeJs() {
		settingsOnly.run(context -> {
			StripeProperties settings = context.getBean(StripeProperties.class);

			assertThat(settings.apiBase()).isEqualTo("https://api.stripe.com");
			assertThat(settings.jsUrl()).isEqualTo("https://js.stripe.com/dahlia/stripe.js");
			assertThat(settings.maxNetworkRetries()).isEqualTo(2);
			assertThat(settings.paymentCacheTime()).isEqualTo(Duration.ofSeconds(30));
		});
	}

	@Test
	void applicationYmlLoadsTheDahliaStripeJsFromStripe() {
		// initCheckoutElementsSdk, which checkout.js calls, is in the 2026-03-25 (dahlia) Stripe.js.
		settingsOnly.withInitializer(new ConfigDataApplicationContextInitializer())
			.run(context -> assertThat(context.getBean(StripeProperties.class).jsUrl())
				.isEqualTo("https://js.stripe.com/dahlia/stripe.js"));
	}

	@Test
	void swappedKeysStopTheStoreNamingTheVariableAndNeverPrintingAKey(CapturedOutput output) {
		// The secret key where the publishable one belongs would otherwise be written into every page.
		// Only these settings are started, as the store binds them: the start-up report is Spring Boot's.
		SpringApplication settingsOnly = new SpringApplication(StripePropertiesOnly.class);
		settingsOnly.setWebApplicationType(WebApplicationType.NONE);

		assertThatThrownBy(() -> settingsOnly.run("--stripe.publishable-key=" + SECRET, "--stripe.secret-key=" + PUBLISHABLE))
			.rootCause()
			.hasMessageContaining("STRIPE_PUBLISHABLE_KEY must start with pk_test_ or pk_live_")
			.hasMessageNotContaining(SECRET)
			.hasMessageNotContaining(PUBLISHABLE);

		assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "STRIPE_PUBLISHABLE_KEY")
			.doesNotContain(SECRET, PUBLISHABLE);
	}

	static Stream<Arguments> keysInTheWrongPlace() {
		return Stream.of(Arguments.of(SECRET, null, null, "STRIPE_PUBLISHABLE_KEY must start with pk_test_ or pk_live_"),
				Arguments.of("rk_test_NOTAREALKEY", null, null, "STRIPE_PUBLISHABLE_KEY must start with pk_"),
				Arguments.of(PUBLISHABLE, PUBLISHABLE, null, "STRIPE_SECRET_KEY must start with sk_test_ or sk_live_"),
				Arguments.of(PUBLISHABLE, "whsec_NOTAREALSECRET", null, "STRIPE_SECRET_KEY must start with sk_"),
				Arguments.of(PUBLISHABLE, SECRET, SECRET, "STRIPE_WEBHOOK_SECRET must start with whsec_"),
				Arguments.of(PUBLISHABLE, SECRET, PUBLISHABLE, "STRIPE_WEBHOOK_SECRET must start with whsec_"));
	}

	@ParameterizedTest
	@MethodSource("keysInTheWrongPlace")
	void aKeyInTheWrongPlaceIsRefusedWithoutBeingShown(String publishable, String secret, String webhook,
			String message) {
		assertThatThrownBy(() -> keys(publishable, secret, webhook)).hasMessageContaining(message)
			.satisfies(refusal -> assertThat(refusal.getMessage()).doesNotContain(
					Stream.of(publishable, secret, webhook).filter(key -> key != null).toArray(String[]::new)));
	}

	@Test
	void aRestrictedSecretKeyIsAccepted() {
		assertThatNoException().isThrownBy(() -> keys(PUBLISHABLE, "rk_test_NOTAREALKEYrestricted", "whsec_NOTAREAL"));
		assertThatNoException().isThrownBy(() -> keys("pk_live_NOTAREALKEY", "rk_live_NOTAREALKEY", null));
	}

	@Test
	void aTestKeyWithALiveKeyIsRefusedSayingWhichIsWhich() {
		assertThatIllegalArgumentException().isThrownBy(() -> keys("pk_test_placeholder", "sk_live_placeholder", null))
			.withMessageContaining("STRIPE_PUBLISHABLE_KEY is a test key but STRIPE_SECRET_KEY is a live key")
			.withMessageNotContaining("placeholder");
		assertThatIllegalArgumentException().isThrownBy(() -> keys("pk_live_placeholder", "sk_test_placeholder", null))
			.withMessageContaining("STRIPE_PUBLISHABLE_KEY is a live key but STRIPE_SECRET_KEY is a test key");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 5 })
	void stripeJavaMayRetryFromZeroToFiveTimes(int retries) {
		assertThat(settings(PUBLISHABLE, SECRET, null, retries, Duration.ofSeconds(30)).maxNetworkRetries())
			.isEqualTo(retries);
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 6 })
	void moreRetriesOrFewerAreRefused(int retries) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(PUBLISHABLE, SECRET, null, retries, Duration.ofSeconds(30)))
			.withMessage("stripe.max-network-retries must be from 0 to 5");
	}

	@Test
	void whatStripeSaidIsReusedForFiveMinutesAtMostSoThatARefundShowsSoon() {
		assertThatNoException().isThrownBy(() -> settings(PUBLISHABLE, SECRET, null, 2, Duration.ZERO));
		assertThatNoException().isThrownBy(() -> settings(PUBLISHABLE, SECRET, null, 2, Duration.ofMinutes(5)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(PUBLISHABLE, SECRET, null, 2, Duration.ofMinutes(5).plusSeconds(1)))
			.withMessageContaining("stripe.payment-cache-time must be from 0s to 5m");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(PUBLISHABLE, SECRET, null, 2, Duration.ofSeconds(-1)))
			.withMessageContaining("stripe.payment-cache-time must be from 0s to 5m");
	}

	@Test
	void neverPrintsTheKeys() {
		StripeProperties settings = keys("pk_test_placeholder", "sk_test_placeholder", "whsec_placeholder");

		assertThat(settings.toString()).doesNotContain("sk_test", "whsec", "pk_test");
	}

}
