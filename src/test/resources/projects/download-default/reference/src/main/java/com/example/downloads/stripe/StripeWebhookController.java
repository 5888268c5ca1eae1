package com.example.downloads.stripe;

import com.example.downloads.checkout.Fulfilment;
import com.example.downloads.checkout.StorePayments;
import com.stripe.StripeClient;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

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
 * <p>The endpoint hears every payment of the Stripe account: the ones this store did not create
 * (payment links, invoices, another store) are acknowledged and left alone.
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

	private final StorePayments storePayments;

	private final JsonMapper json;

	StripeWebhookController(StripeClient stripe, StripeSettings settings, Fulfilment fulfilment,
			StorePayments storePayments, JsonMapper json) {
		this.stripe = stripe;
		this.settings = settings;
		this.fulfilment = fulfilment;
		this.storePayments = storePayments;
		this.json = json;
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
			PaymentIntent intent = paymentIntent(event);
			if (intent == null) {
				if (namesThisStore(event)) {
					// A 400 shows as a failed delivery in Stripe's dashboard: a payment is not lost silently.
					log.warn("Event {} ({}) carries no readable PaymentIntent", event.getId(), event.getType());
					return ResponseEntity.badRequest().body("Unreadable event");
				}
				// Another of the account's payments, answered 200: Stripe would deliver it again for days.
				log.warn("Ignored event {}: its payment cannot be read and does not name this store", event.getId());
				return ResponseEntity.ok("ok");
			}
			if (storePayments.purchaseOf(intent).isEmpty()) {
				log.info("Ignored event {}: payment {} was not made by this store", event.getId(), intent.getId());
				return ResponseEntity.ok("ok");
			}
			return fulfil(intent.getId());
		}
		// Other event types are acknowledged and ignored, as Stripe expects.
		return ResponseEntity.ok("ok");
	}

	private static PaymentIntent paymentIntent(Event event) {
		try {
			StripeObject object = event.getDataObjectDeserializer().deserializeUnsafe();
			return object instanceof PaymentIntent intent && intent.getId() != null ? intent : null;
		}
		catch (EventDataObjectDeserializationException | RuntimeException ex) {
			// Signed by Stripe, yet not the shape this stripe-java version reads.
			return null;
		}
	}

	/** Whether an event's object, unreadable as a PaymentIntent, still names this store in its metadata. */
	private boolean namesThisStore(Event event) {
		try {
			return storePayments.namesThisStore(json.readTree(event.getDataObjectDeserializer().getRawJson()));
		}
		catch (RuntimeException unreadable) {
			return false;
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
			if (Integer.valueOf(404).equals(ex.getStatusCode())) {
				// Stripe does not know the payment (deleted test data, another account's event):
				// no retry can change that, so the delivery is acknowledged.
				log.warn("Webhook: Stripe has no payment {}; the event is acknowledged and ignored", paymentIntentId);
				return ResponseEntity.ok("ok");
			}
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
