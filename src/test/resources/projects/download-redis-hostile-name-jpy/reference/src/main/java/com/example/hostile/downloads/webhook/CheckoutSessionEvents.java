package com.example.hostile.downloads.webhook;

import java.util.Set;

import com.example.hostile.downloads.fulfilment.Fulfilment;
import com.example.hostile.downloads.fulfilment.PurchaseMetadata;
import com.example.hostile.downloads.stripe.StripeFailure;
import com.stripe.StripeClient;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The webhook's Checkout Session events: fulfils a purchase whose buyer never reached the receipt
 * page (a closed tab), or whose payment cleared later (a bank debit). Sessions this store did not
 * create (payment links, another store) are acknowledged and left alone.
 */
@Component
class CheckoutSessionEvents {

	private static final Logger log = LoggerFactory.getLogger(CheckoutSessionEvents.class);

	private static final String COMPLETED = "checkout.session.completed";

	private static final String PAYMENT_SUCCEEDED = "checkout.session.async_payment_succeeded";

	/** The events that can mean "paid": at once (cards, wallets), or days later (bank debits). */
	private static final Set<String> PAID = Set.of(COMPLETED, PAYMENT_SUCCEEDED);

	/** The event types this class answers: those, and a bank debit that failed. */
	static final Set<String> TYPES = Set.of(COMPLETED, PAYMENT_SUCCEEDED, "checkout.session.async_payment_failed");

	private final StripeClient stripe;

	private final Fulfilment fulfilment;

	private final PurchaseMetadata purchaseMetadata;

	private final JsonMapper json;

	CheckoutSessionEvents(StripeClient stripe, Fulfilment fulfilment, PurchaseMetadata purchaseMetadata, JsonMapper json) {
		this.stripe = stripe;
		this.fulfilment = fulfilment;
		this.purchaseMetadata = purchaseMetadata;
		this.json = json;
	}

	/** Answers a signed event of one of {@link #TYPES}, the way the webhook answers Stripe. */
	ResponseEntity<String> receive(Event event) {
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
		if (purchaseMetadata.purchaseOf(session).isEmpty()) {
			log.info("Ignored event {}: session {} was not made by this store", event.getId(), session.getId());
			return ResponseEntity.ok("ok");
		}
		if (!PAID.contains(event.getType())) {
			log.info("The delayed payment of {} failed: nothing was sold", session.getId());
			return ResponseEntity.ok("ok");
		}
		return fulfil(session.getId());
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
			return purchaseMetadata.namesThisStore(json.readTree(event.getDataObjectDeserializer().getRawJson()));
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
