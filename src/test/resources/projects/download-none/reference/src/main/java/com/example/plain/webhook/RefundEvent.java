package com.example.plain.webhook;

import java.util.Optional;
import java.util.Set;

import com.example.plain.Refund.Kind;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;

/**
 * What a refund or dispute event of Stripe's says: which charge, and what happened to it.
 * {@code charge.refunded} carries the charge (one event per refund, partial ones included); the
 * dispute events carry the dispute, which names its charge.
 */
record RefundEvent(String eventId, String chargeId, Kind kind) {

	static final String REFUNDED = "charge.refunded";

	static final String DISPUTE_CREATED = "charge.dispute.created";

	static final String DISPUTE_CLOSED = "charge.dispute.closed";

	/** The event types to subscribe the webhook endpoint to, besides the Checkout Session ones. */
	static final Set<String> TYPES = Set.of(REFUNDED, DISPUTE_CREATED, DISPUTE_CLOSED);

	/** What the event says, or empty when it names no charge (a retry would not say more). */
	static Optional<RefundEvent> of(Event event) {
		StripeObject object = object(event);
		if (event.getId() == null) {
			return Optional.empty();
		}
		if (object instanceof Charge charge && REFUNDED.equals(event.getType()) && charge.getId() != null) {
			return Optional.of(new RefundEvent(event.getId(), charge.getId(), Kind.REFUNDED));
		}
		if (object instanceof Dispute dispute && dispute.getCharge() != null
				&& (DISPUTE_CREATED.equals(event.getType()) || DISPUTE_CLOSED.equals(event.getType()))) {
			Kind kind = DISPUTE_CREATED.equals(event.getType()) ? Kind.DISPUTED : outcome(dispute.getStatus());
			return Optional.of(new RefundEvent(event.getId(), dispute.getCharge(), kind));
		}
		return Optional.empty();
	}

	/**
	 * A closed dispute that was won, or an inquiry closed without becoming a chargeback
	 * ({@code warning_closed}), leaves the money with the seller; otherwise ({@code lost}) the buyer
	 * has it back.
	 */
	private static Kind outcome(String status) {
		return "won".equals(status) || "warning_closed".equals(status) ? Kind.DISPUTE_WON : Kind.DISPUTE_LOST;
	}

	private static StripeObject object(Event event) {
		try {
			return event.getDataObjectDeserializer().deserializeUnsafe();
		}
		catch (Exception unreadable) {
			// Signed by Stripe, yet not the shape this stripe-java version reads.
			return null;
		}
	}

}
