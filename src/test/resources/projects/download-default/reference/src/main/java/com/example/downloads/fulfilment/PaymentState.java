package com.example.downloads.fulfilment;

import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;

/**
 * Where a purchase stands for its buyer, read from its Checkout Session, the session's payment and
 * that payment's latest charge: only {@code PAID} keeps what was bought available. A refund (in
 * full or in part) or a dispute takes it back.
 */
public enum PaymentState {

	PAID,

	/** Complete, paid by a method that takes days to clear (a bank debit, say). */
	PROCESSING,

	/** Still open (the buyer came back without paying), expired, or its delayed payment failed. */
	NOT_PAID,

	REFUNDED, DISPUTED,

	/** Paid, but Stripe's answer did not include the charge, so a refund cannot be ruled out. */
	UNCHECKED;

	/** Expects {@code payment_intent.latest_charge} expanded, as {@code SessionCache} asks for it. */
	public static PaymentState of(Session session) {
		if (!"complete".equals(session.getStatus())) {
			return NOT_PAID;
		}
		PaymentIntent payment = session.getPaymentIntentObject();
		if ("no_payment_required".equals(session.getPaymentStatus())) {
			// A promotion code took the whole price: there is no payment to refund or dispute.
			return PAID;
		}
		if ("unpaid".equals(session.getPaymentStatus())) {
			return payment != null && "processing".equals(payment.getStatus()) ? PROCESSING : NOT_PAID;
		}
		Charge charge = payment == null ? null : payment.getLatestChargeObject();
		if (charge == null) {
			return UNCHECKED;
		}
		if (Boolean.TRUE.equals(charge.getDisputed())) {
			return DISPUTED;
		}
		boolean partlyRefunded = charge.getAmountRefunded() != null && charge.getAmountRefunded() > 0;
		if (Boolean.TRUE.equals(charge.getRefunded()) || partlyRefunded) {
			return REFUNDED;
		}
		return PAID;
	}

}
