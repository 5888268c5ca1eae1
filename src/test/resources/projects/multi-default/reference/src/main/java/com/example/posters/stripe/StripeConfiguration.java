package com.example.posters.stripe;

import com.stripe.StripeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StripeConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);

	@Bean
	StripeClient stripeClient(StripeSettings settings) {
		if (!settings.paymentsEnabled()) {
			log.warn("Stripe keys are not set: the store shows its pages but takes no payment. "
					+ "Set STRIPE_PUBLISHABLE_KEY and STRIPE_SECRET_KEY (see .env.example).");
		}
		else if (!settings.webhookEnabled()) {
			log.warn("STRIPE_WEBHOOK_SECRET is not set: the webhook endpoint refuses every event, "
					+ "so a payment whose browser tab closed after 3-D Secure is not fulfilled.");
		}
		return StripeClient.builder()
			// stripe-java needs some key to build a client; without a real one the store never calls
			// Stripe (the purchase endpoint answers 503 first).
			.setApiKey(settings.secretKey() == null ? "no-key-set" : settings.secretKey())
			.setApiBase(settings.apiBase())
			.setConnectTimeout((int) settings.connectTimeout().toMillis())
			.setReadTimeout((int) settings.readTimeout().toMillis())
			.build();
	}

}
