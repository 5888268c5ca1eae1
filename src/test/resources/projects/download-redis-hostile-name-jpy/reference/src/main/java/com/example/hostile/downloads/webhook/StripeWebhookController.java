package com.example.hostile.downloads.webhook;

import com.example.hostile.downloads.stripe.StripeProperties;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
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
 * Stripe's webhook: checks the event's signature, then hands Checkout Session events to
 * {@link CheckoutSessionEvents} (a purchase to fulfil) and refunds and disputes to
 * {@link RefundsAndDisputes}. Run
 * {@code stripe listen --forward-to localhost:8080/stripe/webhook} to receive events while
 * developing.
 *
 * <p>The endpoint hears every Checkout Session of the Stripe account: the ones this store did not
 * create (payment links, another store) are acknowledged and left alone.
 *
 * <p>Stripe reads only the status code: 2xx means "received", anything else means "deliver it
 * again later" (for up to three days). So a 5xx is answered only when a retry can help, and the
 * body is a short fixed text, never an exception.
 */
@RestController
class StripeWebhookController {

	private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

	/** What a thin event calls itself. */
	private static final String THIN_EVENT = "v2.core.event";

	private final StripeClient stripe;

	private final StripeProperties settings;

	private final CheckoutSessionEvents checkoutSessionEvents;

	private final RefundsAndDisputes refundsAndDisputes;

	private final JsonMapper json;

	StripeWebhookController(StripeClient stripe, StripeProperties settings, CheckoutSessionEvents checkoutSessionEvents,
			RefundsAndDisputes refundsAndDisputes, JsonMapper json) {
		this.stripe = stripe;
		this.settings = settings;
		this.checkoutSessionEvents = checkoutSessionEvents;
		this.refundsAndDisputes = refundsAndDisputes;
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
			if (isThinEvent(payload)) {
				return thinEventRefused();
			}
			log.warn("Refused a signed webhook call that is not a readable event");
			return ResponseEntity.badRequest().body("Unreadable event");
		}
		if (THIN_EVENT.equals(event.getObject())) {
			return thinEventRefused();
		}
		if (CheckoutSessionEvents.TYPES.contains(event.getType())) {
			return checkoutSessionEvents.receive(event);
		}
		if (RefundEvent.TYPES.contains(event.getType())) {
			return refundsAndDisputes.receive(event);
		}
		// Other event types are acknowledged and ignored, as Stripe expects.
		return ResponseEntity.ok("ok");
	}

	/**
	 * A thin event (API v2, "object": "v2.core.event") names what changed but carries no Checkout
	 * Session, and stripe-java reads snapshot events only. The endpoint was set up to send the wrong
	 * kind: a 400 shows as a failed delivery in Stripe's Dashboard, and the log says what to change.
	 */
	private ResponseEntity<String> thinEventRefused() {
		log.warn("Refused a thin event (v2.core.event): this endpoint reads snapshot events. In Stripe's "
				+ "Dashboard (Developers, Webhooks), make the event destination send Snapshot events of API "
				+ "version {}, the version of this store's stripe-java (README, \"Receive webhooks while developing\").",
				Stripe.API_VERSION);
		return ResponseEntity.badRequest()
			.body("Thin events are not read here: send snapshot events of API version " + Stripe.API_VERSION);
	}

	private boolean isThinEvent(String payload) {
		try {
			return THIN_EVENT.equals(json.readTree(payload).path("object").asString(null));
		}
		catch (RuntimeException unreadable) {
			return false;
		}
	}

}
