package ${package}.stripe;

import ${package}.StoreApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which Stripe keys the store accepts at start-up. None of these keys is real. */
class StripeSettingsTests {

	@Test
	void withoutKeysPaymentsAreOff() {
		StripeSettings settings = new StripeSettings("", null, null, "https://api.stripe.com", "", null, null);

		assertThat(settings.paymentsEnabled()).isFalse();
		assertThat(settings.webhookEnabled()).isFalse();
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
		assertThatThrownBy(() -> new StripeSettings("pk_live_placeholder", "sk_test_placeholder", null, "", "", null, null))
			.hasMessageContaining("STRIPE_PUBLISHABLE_KEY is a live key but STRIPE_SECRET_KEY is a test key");
	}

	@Test
	void neverPrintsTheKeys() {
		StripeSettings settings = new StripeSettings("pk_test_placeholder", "sk_test_placeholder", "whsec_placeholder",
				"https://api.stripe.com", "", null, null);

		assertThat(settings.toString()).doesNotContain("sk_test", "whsec", "pk_test");
	}

}
