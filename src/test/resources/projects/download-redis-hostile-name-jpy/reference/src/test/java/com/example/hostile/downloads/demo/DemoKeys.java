package com.example.hostile.downloads.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds Stripe keys set for the store (in the environment, as a system property or an argument),
 * which the demo refuses to start with ({@code TestStoreApplication}). Only the setting's name is
 * ever shown, never its value.
 */
public final class DemoKeys {

	static final List<String> VARIABLES = List.of("STRIPE_PUBLISHABLE_KEY", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET");

	static final List<String> PROPERTIES = List.of("stripe.publishable-key", "stripe.secret-key", "stripe.webhook-secret");

	private DemoKeys() {
	}

	/** The name of the first key setting that holds a value, if any. */
	public static Optional<String> keySetByYou(Map<String, String> environment, Properties systemProperties,
			String[] args) {
		for (String variable : VARIABLES) {
			if (hasValue(environment.get(variable))) {
				return Optional.of(variable);
			}
		}
		for (String property : PROPERTIES) {
			if (hasValue(systemProperties.getProperty(property))) {
				return Optional.of(property);
			}
			for (String arg : args) {
				if (arg.startsWith("--" + property + "=") && hasValue(arg.substring(property.length() + 3))) {
					return Optional.of(property);
				}
			}
		}
		return Optional.empty();
	}

	private static boolean hasValue(String value) {
		return value != null && !value.isBlank();
	}

}
