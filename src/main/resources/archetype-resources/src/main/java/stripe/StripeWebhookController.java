package ${package}.stripe;

import ${package}.checkout.Fulfilment;
import com.stripe.StripeClient;
import com.stripe.exception.EventDataObjectDeserializationException;
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
 *
 * <p>Stripe reads only the status code: 2xx means "received", anything else means "deliver it
 * again later" (for up to three days). So a 5xx is answered only when a retry can help, and the
 * body is a short fixed text, never an exception.
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
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
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
		catch (RuntimeException ex) {
			// The signature is checked first, so this is a signed body that is not an event.
			event = null;
		}
		if (event == null) {
			log.warn("Refused a signed webhook call that is not a readable event");
			return ResponseEntity.badRequest().body("Unreadable event");
		}
		if ("payment_intent.succeeded".equals(event.getType())) {
			String paymentIntentId = paymentIntentId(event);
			if (paymentIntentId == null) {
				// A 400 shows as a failed delivery in Stripe's dashboard: a payment is not lost silently.
				log.warn("Event {} ({}) carries no readable PaymentIntent", event.getId(), event.getType());
				return ResponseEntity.badRequest().body("Unreadable event");
			}
			return fulfil(paymentIntentId);
		}
		// Other event types are acknowledged and ignored, as Stripe expects.
		return ResponseEntity.ok("ok");
	}

	private static String paymentIntentId(Event event) {
		try {
			StripeObject object = event.getDataObjectDeserializer().deserializeUnsafe();
			return object instanceof PaymentIntent intent ? intent.getId() : null;
		}
		catch (EventDataObjectDeserializationException | RuntimeException ex) {
			// Signed by Stripe, yet not the shape this stripe-java version reads.
			return null;
		}
	}

	private ResponseEntity<String> fulfil(String paymentIntentId) {
		try {
			// Read the payment again: the event may be old (delivered twice, or replayed) and the
			// payment fulfilled since. Fulfilment also guards against a delivery running at the
			// same time as the shopper's own request.
			PaymentIntent intent = stripe.v1().paymentIntents().retrieve(paymentIntentId);
			if (fulfilment.fulfil(intent)) {
				log.info("Fulfilled {} from the webhook", intent.getId());
			}
			return ResponseEntity.ok("ok");
		}
		catch (StripeException ex) {
			// Not the message: Stripe writes it for developers and it can echo request details.
			log.warn("Webhook: a Stripe call for {} failed, HTTP {} {} (request {}); Stripe will retry",
					paymentIntentId, ex.getStatusCode(), ex.getCode(), ex.getRequestId());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("Stripe unavailable, retry later");
		}
		catch (RuntimeException ex) {
			// postPurchase failed: the payment stays unfulfilled and Stripe delivers the event again.
			log.error("Webhook: fulfilling {} failed; Stripe will retry", paymentIntentId, ex);
			return ResponseEntity.internalServerError().body("Fulfilment failed, retry later");
		}
	}

}
