package com.example.shop.fulfilment;

import java.time.Duration;
import java.util.Optional;

import com.example.shop.fulfilment.ClaimsAcrossInstances.Holder;

/**
 * One fulfilment's claim in {@link ClaimsAcrossInstances}, where the store has them: taken before
 * postPurchase, so that no other instance runs it, then given back as it went. Without them, or when
 * they do not answer, the holder is unknown and every step here does nothing: Stripe's mark alone
 * guards between instances.
 */
final class InstanceClaim {

	/**
	 * The longest a fulfilment (postPurchase and the mark) may take: another instance waits that
	 * long for it, and a claim lasts that long plus the time it is remembered, so that a claim of an
	 * instance that died while fulfilling lapses, and Stripe's next retry fulfils.
	 */
	static final Duration FULFILMENT_TIME = Duration.ofMinutes(5);

	private final Optional<ClaimsAcrossInstances> claims;

	private final String sessionId;

	private final Duration remembered;

	private final Holder holder;

	InstanceClaim(Optional<ClaimsAcrossInstances> claims, String sessionId, Duration remembered) {
		this.claims = claims;
		this.sessionId = sessionId;
		this.remembered = remembered;
		this.holder = claims.map(shared -> shared.take(sessionId, FULFILMENT_TIME.plus(remembered)))
			.orElse(Holder.UNKNOWN);
	}

	boolean heldElsewhere() {
		return holder == Holder.ELSEWHERE;
	}

	/** Waits for the instance that holds the claim, and returns whether Stripe has the mark. */
	boolean awaitElsewhere() {
		return claims.get().awaitElsewhere(sessionId, FULFILMENT_TIME);
	}

	/** postPurchase failed here: any instance may fulfil on Stripe's retry. */
	void release() {
		if (holder == Holder.THIS_CALLER) {
			claims.get().release(sessionId);
		}
	}

	/** postPurchase ran here. */
	void fulfilled(boolean markedAtStripe) {
		if (holder == Holder.THIS_CALLER) {
			claims.get().fulfilled(sessionId, markedAtStripe, remembered);
		}
	}

}
