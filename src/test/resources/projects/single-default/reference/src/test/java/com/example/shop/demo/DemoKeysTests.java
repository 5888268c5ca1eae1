package com.example.shop.demo;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo refuses Stripe keys set for the store, wherever they are set, and names only the setting. */
class DemoKeysTests {

	static final String[] NO_ARGS = {};

	@Test
	void nothingSetLetsTheDemoStart() {
		assertThat(DemoKeys.keySetByYou(Map.of("STRIPE_SECRET_KEY", " "), new Properties(), NO_ARGS)).isEmpty();
	}

	@Test
	void aKeyInTheEnvironmentIsNamed() {
		assertThat(DemoKeys.keySetByYou(Map.of("STRIPE_SECRET_KEY", "sk_test_x"), new Properties(), NO_ARGS))
			.contains("STRIPE_SECRET_KEY");
	}

	@Test
	void aKeyAsASystemPropertyOrAnArgumentIsNamed() {
		Properties properties = new Properties();
		properties.setProperty("stripe.webhook-secret", "whsec_x");
		assertThat(DemoKeys.keySetByYou(Map.of(), properties, NO_ARGS)).contains("stripe.webhook-secret");
		assertThat(DemoKeys.keySetByYou(Map.of(), new Properties(), new String[] { "--stripe.publishable-key=pk_test_x" }))
			.contains("stripe.publishable-key");
	}

}
