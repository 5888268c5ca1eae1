package com.example.downloads.checkout;

import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;

/**
 * Where a payment stands for its buyer, read from the PaymentIntent and its latest charge: only
 * {@code PAID} keeps what was bought available. A refund (in full or in part) or a dispute takes
 * it back.
 */
public enum PaymentState {

	PAID, PROCESSING, NOT_PAID, REFUNDED, DISPUTED,

	/** Succeeded, but Stripe's answer did not include the charge, so a refund cannot be ruled out. */
	UNCHECKED;

	/** Expects {@code latest_charge} expanded, as {@code RecentPayments} asks for it. */
	public static PaymentState of(PaymentIntent intent) {
		if ("processing".equals(intent.getStatus())) {
			return PROCESSING;
		}
		if (!"succeeded".equals(intent.getStatus())) {
			return NOT_PAID;
		}
		Charge charge = intent.getLatestChargeObject();
		if (charge == null) {
			return UNCHECKED;
		}
		if (Boolean.TRUE.equals(charge.getDisputed())) {
			return DISPUTED;
		}
		if (Boolean.TRUE.equals(charge.getRefunded()) || (charge.getAmountRefunded() != null && charge.getAmountRefunded() > 0)) {
			return REFUNDED;
		}
		return PAID;
	}

}
