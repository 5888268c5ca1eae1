package com.example.downloads.stripe;

import java.util.stream.Stream;

import com.example.downloads.StoreApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which Stripe keys the store accepts at start-up. None of these keys is real. */
@ExtendWith(OutputCaptureExtension.class)
class StripeSettingsTests {

	static final String PUBLISHABLE = "pk_test_NOTAREALKEYpublishable";

	static final String SECRET = "sk_test_NOTAREALKEYsecret";

	static StripeSettings keys(String publishableKey, String secretKey, String webhookSecret) {
		return new StripeSettings(publishableKey, secretKey, webhookSecret, "https://api.stripe.com", "", null, null, null);
	}

	@Test
	void withoutKeysPaymentsAreOff() {
		StripeSettings settings = keys("", null, null);

		assertThat(settings.paymentsEnabled()).isFalse();
		assertThat(settings.webhookEnabled()).isFalse();
	}

	@Test
	void swappedKeysStopTheStoreNamingTheVariableAndNeverPrintingAKey(CapturedOutput output) {
		// The secret key where the publishable one belongs would otherwise be written into every page.
		assertThatThrownBy(() -> SpringApplication.run(StoreApplication.class, "--server.port=0",
				"--stripe.publishable-key=" + SECRET, "--stripe.secret-key=" + PUBLISHABLE))
			.rootCause()
			.hasMessageContaining("STRIPE_PUBLISHABLE_KEY must start with pk_test_ or pk_live_")
			.hasMessageNotContaining(SECRET)
			.hasMessageNotContaining(PUBLISHABLE);

		assertThat(output.getAll()).contains("STRIPE_PUBLISHABLE_KEY").doesNotContain(SECRET, PUBLISHABLE);
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
	void aTestKeyWithALiveKeyStopsTheStoreFromStartingAndSaysWhich() {
		assertThatThrownBy(() -> SpringApplication.run(StoreApplication.class, "--server.port=0",
				"--stripe.publishable-key=pk_test_placeholder", "--stripe.secret-key=sk_live_placeholder"))
			.rootCause()
			.hasMessageContaining("STRIPE_PUBLISHABLE_KEY is a test key but STRIPE_SECRET_KEY is a live key");
	}

	@Test
	void aLiveKeyWithATestKeyIsRefusedToo() {
		assertThatThrownBy(() -> keys("pk_live_placeholder", "sk_test_placeholder", null))
			.hasMessageContaining("STRIPE_PUBLISHABLE_KEY is a live key but STRIPE_SECRET_KEY is a test key");
	}

	@Test
	void neverPrintsTheKeys() {
		StripeSettings settings = keys("pk_test_placeholder", "sk_test_placeholder", "whsec_placeholder");

		assertThat(settings.toString()).doesNotContain("sk_test", "whsec", "pk_test");
	}

}
