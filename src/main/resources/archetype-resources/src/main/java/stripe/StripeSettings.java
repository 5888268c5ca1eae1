package ${package}.stripe;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe keys and connection settings, bound from {@code stripe.*}. {@code jsUrl} is where pages
 * load stripe.js from: always js.stripe.com in a real store (Stripe requires it); the browser
 * tests point it at a stand-in, since they run without the internet.
 * The keys come from the environment (STRIPE_SECRET_KEY and friends, see application.yml):
 * never write a key into code or into a file you commit.
 */
@ConfigurationProperties("stripe")
public record StripeSettings(
		String publishableKey,
		String secretKey,
		String webhookSecret,
		@DefaultValue("https://api.stripe.com") String apiBase,
		@DefaultValue("https://js.stripe.com/v3/") String jsUrl,
		@DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("20s") Duration readTimeout) {

	public StripeSettings {
		publishableKey = blankToNull(publishableKey);
		secretKey = blankToNull(secretKey);
		webhookSecret = blankToNull(webhookSecret);
		// A test publishable key with a live secret key (or the reverse) makes every payment fail
		// in a confusing way; refuse to start instead, naming which key is which.
		if (publishableKey != null && secretKey != null && isLive(publishableKey) != isLive(secretKey)) {
			throw new IllegalArgumentException("STRIPE_PUBLISHABLE_KEY is a " + mode(publishableKey)
					+ " key but STRIPE_SECRET_KEY is a " + mode(secretKey)
					+ " key: use both keys from the same mode (test or live) of the Stripe dashboard");
		}
	}

	/** Both keys are needed to take a payment; without them the store shows its pages only. */
	public boolean paymentsEnabled() {
		return publishableKey != null && secretKey != null;
	}

	public boolean webhookEnabled() {
		return secretKey != null && webhookSecret != null;
	}

	private static boolean isLive(String key) {
		return key.contains("_live_");
	}

	private static String mode(String key) {
		return isLive(key) ? "live" : "test";
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	// Never print the keys, even by accident through a log line of this record.
	@Override
	public String toString() {
		return "StripeSettings[apiBase=" + apiBase + ", paymentsEnabled=" + paymentsEnabled() + "]";
	}

}
