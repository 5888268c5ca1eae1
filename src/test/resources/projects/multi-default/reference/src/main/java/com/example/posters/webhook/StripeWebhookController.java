package com.example.posters.webhook;

import java.util.Set;

import com.example.posters.fulfilment.Fulfilment;
import com.example.posters.fulfilment.StoreSessions;
import com.example.posters.stripe.StripeFailure;
import com.example.posters.stripe.StripeProperties;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
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
 * Stripe's webhook: fulfils a purchase whose buyer never reached the receipt page (a closed tab),
 * or whose payment cleared later (a bank debit), and hands refunds and disputes to
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

	/** The events that can mean "paid": at once (cards, wallets), or days later (bank debits). */
	private static final Set<String> PAID_EVENTS = Set.of("checkout.session.completed",
			"checkout.session.async_payment_succeeded");

	/** What a thin event calls itself. */
	private static final String THIN_EVENT = "v2.core.event";

	private final StripeClient stripe;

	private final StripeProperties settings;

	private final Fulfilment fulfilment;

	private final StoreSessions storeSessions;

	private final RefundsAndDisputes refundsAndDisputes;

	private final JsonMapper json;

	StripeWebhookController(StripeClient stripe, StripeProperties settings, Fulfilment fulfilment,
			StoreSessions storeSessions, RefundsAndDisputes refundsAndDisputes, JsonMapper json) {
		this.stripe = stripe;
		this.settings = settings;
		this.fulfilment = fulfilment;
		this.storeSessions = storeSessions;
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
		if (RefundEvent.TYPES.contains(event.getType())) {
			return refundsAndDisputes.receive(event);
		}
		boolean paid = PAID_EVENTS.contains(event.getType());
		if (!paid && !"checkout.session.async_payment_failed".equals(event.getType())) {
			// Other event types are acknowledged and ignored, as Stripe expects.
			return ResponseEntity.ok("ok");
		}
		Session session = session(event);
		if (session == null) {
			if (namesThisStore(event)) {
				// A 400 shows as a failed delivery in Stripe's Dashboard: a purchase is not lost silently.
				log.warn("Event {} ({}) carries no readable Checkout Session", event.getId(), event.getType());
				return ResponseEntity.badRequest().body("Unreadable event");
			}
			// Another of the account's sessions, answered 200: Stripe would deliver it again for days.
			log.warn("Ignored event {}: its session cannot be read and does not name this store", event.getId());
			return ResponseEntity.ok("ok");
		}
		if (storeSessions.purchaseOf(session).isEmpty()) {
			log.info("Ignored event {}: session {} was not made by this store", event.getId(), session.getId());
			return ResponseEntity.ok("ok");
		}
		if (!paid) {
			log.info("The delayed payment of {} failed: nothing was sold", session.getId());
			return ResponseEntity.ok("ok");
		}
		return fulfil(session.getId());
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

	private static Session session(Event event) {
		try {
			StripeObject object = event.getDataObjectDeserializer().deserializeUnsafe();
			return object instanceof Session session && session.getId() != null ? session : null;
		}
		catch (EventDataObjectDeserializationException | RuntimeException ex) {
			// Signed by Stripe, yet not the shape this stripe-java version reads.
			return null;
		}
	}

	/** Whether an event's object, unreadable as a Session, still names this store in its metadata. */
	private boolean namesThisStore(Event event) {
		try {
			return storeSessions.namesThisStore(json.readTree(event.getDataObjectDeserializer().getRawJson()));
		}
		catch (RuntimeException unreadable) {
			return false;
		}
	}

	private ResponseEntity<String> fulfil(String sessionId) {
		try {
			// Read the session again: the event may be old (delivered twice, or replayed) and the
			// purchase fulfilled since. Fulfilment also guards against a delivery running at the
			// same time as the buyer's receipt page.
			Session session = stripe.v1().checkout().sessions().retrieve(sessionId);
			if (fulfilment.fulfil(session)) {
				log.info("Fulfilled {} from the webhook", session.getId());
			}
			return ResponseEntity.ok("ok");
		}
		catch (StripeException ex) {
			if (StripeFailure.notFound(ex)) {
				// Stripe does not know the session (deleted test data, another account's event):
				// no retry can change that, so the delivery is acknowledged.
				log.warn("Webhook: Stripe has no session {}; the event is acknowledged and ignored", sessionId);
				return ResponseEntity.ok("ok");
			}
			// Not the message: Stripe writes it for developers and it can echo request details.
			log.warn("Webhook: a Stripe call for {} failed, {}; Stripe will retry", sessionId, StripeFailure.summary(ex));
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("Stripe unavailable, retry later");
		}
		catch (RuntimeException ex) {
			// postPurchase failed: the purchase stays unfulfilled and Stripe delivers the event again.
			log.error("Webhook: fulfilling {} failed; Stripe will retry", sessionId, ex);
			return ResponseEntity.internalServerError().body("Fulfilment failed, retry later");
		}
	}

}
