package com.example.plain.fulfilment;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * No claim shared between instances: each instance claims a purchase in its own memory only, and
 * between instances Stripe's {@code fulfilled} mark is the guard. Enough for one instance; with
 * several, a purchase noticed by two at once can reach postPurchase twice (it runs at least once).
 */
@Component
class UnclaimedAcrossInstances implements ClaimsAcrossInstances {

	@Override
	public Holder take(String sessionId, Duration ttl) {
		return Holder.UNKNOWN;
	}

	@Override
	public boolean awaitElsewhere(String sessionId, Duration atMost) {
		throw new IllegalStateException("No other instance holds claims: take() never answers ELSEWHERE here");
	}

	@Override
	public void fulfilled(String sessionId, boolean markedAtStripe, Duration remembered) {
	}

	@Override
	public void release(String sessionId) {
	}

}
