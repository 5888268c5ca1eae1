package com.example.plain.fulfilment;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionUpdateParams;

import org.springframework.stereotype.Component;

/**
 * Stripe's record that a purchase was fulfilled: {@code fulfilled=true} in its Checkout Session's
 * metadata. It outlives a restart and reaches every instance, with no database.
 */
@Component
class FulfilledMark {

	static final String KEY = "fulfilled";

	private final StripeClient stripe;

	FulfilledMark(StripeClient stripe) {
		this.stripe = stripe;
	}

	/** Whether the session, as it was read, carries the mark. */
	boolean isOn(Session session) {
		return "true".equals(session.getMetadata().get(KEY));
	}

	void set(String sessionId) throws StripeException {
		stripe.v1().checkout().sessions().update(sessionId, SessionUpdateParams.builder().putMetadata(KEY, "true").build());
	}

}
