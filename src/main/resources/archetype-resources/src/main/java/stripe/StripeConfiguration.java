package ${package}.stripe;

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
			// Without a key the client is still built; the purchase endpoint answers 503 before using it.
			.setApiKey(settings.secretKey() == null ? "sk_test_not_set" : settings.secretKey())
			.setApiBase(settings.apiBase())
			.setConnectTimeout((int) settings.connectTimeout().toMillis())
			.setReadTimeout((int) settings.readTimeout().toMillis())
			.build();
	}

}
