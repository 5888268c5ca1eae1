package com.example.hostile.downloads.fulfilment;

import java.time.Duration;

/**
 * Where the store's instances claim a purchase before fulfilling it, so that {@code postPurchase}
 * runs on one of them. {@link Fulfilment} calls it after the claim in its own memory, when the store
 * has one: {@code sharedstate/SharedClaims} in a store generated with {@code -DsharedState=redis}.
 * Without it each instance claims in its own memory only, and Stripe's mark guards between them.
 */
public interface ClaimsAcrossInstances {

	/**
	 * Who holds a claim: this caller, another instance, or unknown (it did not answer: Stripe's mark
	 * alone then guards between instances).
	 */
	enum Holder {

		THIS_CALLER, ELSEWHERE, UNKNOWN

	}

	/** Claims the purchase for {@code ttl}: the longest a fulfilment may take, and the time it is remembered. */
	Holder take(String sessionId, Duration ttl);

	/**
	 * Waits, at most {@code atMost}, until the instance that holds the claim has fulfilled the
	 * purchase, and returns whether Stripe has the mark. Throws if that fulfilment failed, or its
	 * end cannot be known: the webhook then answers 500 and Stripe delivers the event again.
	 */
	boolean awaitElsewhere(String sessionId, Duration atMost);

	/** postPurchase ran here: keep the claim {@code remembered}, saying whether Stripe has the mark. */
	void fulfilled(String sessionId, boolean markedAtStripe, Duration remembered);

	/** postPurchase failed here: forget the claim, so that a retry on any instance can fulfil. */
	void release(String sessionId);

}
