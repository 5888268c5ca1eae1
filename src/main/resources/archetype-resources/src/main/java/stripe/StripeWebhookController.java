package ${package}.stripe;

import ${package}.checkout.Fulfilment;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook: fulfils a payment whose shopper closed the tab before the browser could
 * (after 3-D Secure, say). Run {@code stripe listen --forward-to localhost:8080/stripe/webhook}
 * to receive events while developing.
 */
@RestController
class StripeWebhookController {

	private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

	private final StripeClient stripe;

	private final StripeSettings settings;

	private final Fulfilment fulfilment;

	StripeWebhookController(StripeClient stripe, StripeSettings settings, Fulfilment fulfilment) {
		this.stripe = stripe;
		this.settings = settings;
		this.fulfilment = fulfilment;
	}

	// The body is read as a String: the signature covers the exact bytes Stripe sent.
	@PostMapping("/stripe/webhook")
	ResponseEntity<String> receive(@RequestBody String payload,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) throws StripeException {
		if (!settings.webhookEnabled()) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("Webhook secret not set");
		}
		Event event;
		try {
			event = stripe.constructEvent(payload, signature == null ? "" : signature, settings.webhookSecret());
		}
		catch (SignatureVerificationException ex) {
			log.warn("Refused a webhook call with a bad signature: {}", ex.getMessage());
			return ResponseEntity.badRequest().body("Bad signature");
		}
		if ("payment_intent.succeeded".equals(event.getType())) {
			StripeObject object = event.getDataObjectDeserializer().deserializeUnsafe();
			// Read the payment again: the event may be older than the fulfilled mark set since.
			PaymentIntent intent = stripe.v1().paymentIntents().retrieve(((PaymentIntent) object).getId());
			if (fulfilment.fulfil(intent)) {
				log.info("Fulfilled {} from the webhook", intent.getId());
			}
		}
		// Other event types are acknowledged and ignored, as Stripe expects.
		return ResponseEntity.ok("ok");
	}

}
