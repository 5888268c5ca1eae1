package com.example.hostile.downloads.stripe;

import java.time.Duration;
import java.util.Arrays;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe keys and connection settings, bound from {@code stripe.*}. The keys come from the
 * environment (STRIPE_SECRET_KEY and friends, see application.yml): never write a key into code or
 * into a file you commit.
 *
 * <p>The keys are checked here rather than with Bean Validation, whose start-up report would print
 * the rejected value: a secret key in the log.
 *
 * @param publishableKey The publishable key (pk_test_... or pk_live_...), written into the pages
 * for Stripe.js. Set STRIPE_PUBLISHABLE_KEY rather than this property.
 * @param secretKey The secret key (sk_...) or a restricted key (rk_...) the store calls Stripe's
 * API with. Set it through STRIPE_SECRET_KEY, never in a file you commit.
 * @param webhookSecret The signing secret (whsec_...) of the webhook endpoint that sends Stripe's
 * events to /stripe/webhook. Set STRIPE_WEBHOOK_SECRET.
 * @param apiBase Where Stripe's API is: https://api.stripe.com in a real store; the tests point it
 * at a stand-in.
 * @param jsUrl Where pages load Stripe.js from: always js.stripe.com in a real store (Stripe
 * requires it); the browser tests point it at a stand-in, since they run without the internet.
 * @param connectTimeout How long a call to Stripe waits to connect.
 * @param readTimeout How long a call to Stripe waits for its answer. A shopper waits at most
 * (1 + max-network-retries) times this before "please try again".
 * @param maxNetworkRetries How often stripe-java tries a call again (0 to 5) after a connection
 * failure, a timeout, a 409 or a 5xx answer, or when Stripe says to, with an idempotency key so
 * that Stripe carries the call out once.
 * @param paymentCacheTime How long receipts and downloads reuse what Stripe said about a paid
 * purchase (0s to 5m): a link reloaded in a loop costs one Stripe call in that time, and a refund
 * shows within it.
 */
@ConfigurationProperties("stripe")
public record StripeProperties(
		String publishableKey,
		String secretKey,
		String webhookSecret,
		@DefaultValue("https://api.stripe.com") String apiBase,
		@DefaultValue("https://js.stripe.com/dahlia/stripe.js") String jsUrl,
		@DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout,
		@DefaultValue("2") int maxNetworkRetries,
		@DefaultValue("30s") Duration paymentCacheTime) {

	public StripeProperties {
		publishableKey = blankToNull(publishableKey);
		secretKey = blankToNull(secretKey);
		webhookSecret = blankToNull(webhookSecret);
		// A key in the wrong place is refused before anything uses it: a secret key given as the
		// publishable one would be written into every page. The messages never show a key.
		requirePrefix("STRIPE_PUBLISHABLE_KEY", publishableKey, "pk_test_ or pk_live_ (the publishable key)",
				"pk_test_", "pk_live_");
		requirePrefix("STRIPE_SECRET_KEY", secretKey,
				"sk_test_ or sk_live_ (the secret key), or rk_test_ or rk_live_ (a restricted key)", "sk_test_",
				"sk_live_", "rk_test_", "rk_live_");
		requirePrefix("STRIPE_WEBHOOK_SECRET", webhookSecret, "whsec_ (the signing secret of a webhook endpoint)",
				"whsec_");
		// A test publishable key with a live secret key (or the reverse) makes every payment fail
		// in a confusing way; refuse to start instead, naming which key is which.
		if (publishableKey != null && secretKey != null && isLive(publishableKey) != isLive(secretKey)) {
			throw new IllegalArgumentException("STRIPE_PUBLISHABLE_KEY is a " + mode(publishableKey)
					+ " key but STRIPE_SECRET_KEY is a " + mode(secretKey)
					+ " key: use both keys from the same mode (test or live) of the Stripe dashboard");
		}
		if (maxNetworkRetries < 0 || maxNetworkRetries > 5) {
			throw new IllegalArgumentException("stripe.max-network-retries must be from 0 to 5");
		}
		if (paymentCacheTime != null && (paymentCacheTime.isNegative() || paymentCacheTime.compareTo(Duration.ofMinutes(5)) > 0)) {
			throw new IllegalArgumentException("stripe.payment-cache-time must be from 0s to 5m, so that a refund "
					+ "closes a download soon after it is made");
		}
	}

	/** Both keys are needed to take a payment; without them the store shows its pages only. */
	public boolean paymentsEnabled() {
		return publishableKey != null && secretKey != null;
	}

	public boolean webhookEnabled() {
		return secretKey != null && webhookSecret != null;
	}

	private static void requirePrefix(String variable, String key, String expected, String... prefixes) {
		if (key != null && Arrays.stream(prefixes).noneMatch(key::startsWith)) {
			throw new IllegalArgumentException(variable + " must start with " + expected
					+ ". The value set does not (it is not shown here): check that each key is in its own variable.");
		}
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
		return "StripeProperties[apiBase=" + apiBase + ", paymentsEnabled=" + paymentsEnabled() + "]";
	}

}
