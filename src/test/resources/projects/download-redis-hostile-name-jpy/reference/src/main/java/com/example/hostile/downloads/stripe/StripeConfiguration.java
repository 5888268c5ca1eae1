package com.example.hostile.downloads.stripe;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class StripeConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);

	@Bean
	StripeClient stripeClient(StripeProperties settings, Environment environment) {
		if (!settings.paymentsEnabled()) {
			log.warn("Stripe keys are not set: the store shows its pages but takes no payment. "
					+ "Set STRIPE_PUBLISHABLE_KEY and STRIPE_SECRET_KEY (see .env.example).");
		}
		else if (!settings.webhookEnabled()) {
			log.warn("STRIPE_WEBHOOK_SECRET is not set: the webhook endpoint refuses every event, "
					+ "so a purchase whose buyer never reached the receipt page is not fulfilled.");
		}
		// Tells Stripe which program makes the calls (in every request's User-Agent): this project's
		// name, and its version when it runs from its jar (spring.application.version, read from the
		// jar's manifest). stripe-java keeps it for every client in this JVM.
		Stripe.setAppInfo("hostile-download-shop", environment.getProperty("spring.application.version"), null);
		return StripeClient.builder()
			// stripe-java needs some key to build a client; without a real one the store never calls
			// Stripe (the checkout answers 503 first).
			.setApiKey(settings.secretKey() == null ? "no-key-set" : settings.secretKey())
			.setApiBase(settings.apiBase())
			.setConnectTimeout((int) settings.connectTimeout().toMillis())
			.setReadTimeout((int) settings.readTimeout().toMillis())
			.setMaxNetworkRetries(settings.maxNetworkRetries())
			// stripe-java's client, which also logs why a call failed (ExplainingHttpClient).
			.setHttpClient(new ExplainingHttpClient(settings.connectTimeout(), settings.readTimeout()))
			.build();
	}

}
