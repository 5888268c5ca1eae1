package com.example.downloads.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The payments this instance is fulfilling right now, or fulfilled a short while ago, so that
 * {@code PurchaseHooks.postPurchase} runs once per payment here even when a doubled purchase
 * request, its retries and Stripe's webhook all arrive together.
 *
 * <p>Why not rely on Stripe's {@code fulfilled} mark alone: every request that read the
 * PaymentIntent before the mark was set holds a copy without it, and would fulfil again. Why in
 * memory: the store keeps no database, and Stripe's mark stays the lasting record (and the guard
 * between instances). Why only for a while: copies without the mark stop coming after a while
 * (see {@code Fulfilment.REMEMBERED}), so a claim is kept {@code remembered} after its fulfilment
 * and then forgotten. Memory holds the payments of that window, never more.
 */
final class FulfilmentClaims {

	private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

	private final ConcurrentMap<String, Claim> claims = new ConcurrentHashMap<>();

	private final Duration remembered;

	private final Clock clock;

	private volatile Instant nextSweep = Instant.MIN;

	FulfilmentClaims(Duration remembered, Clock clock) {
		this.remembered = remembered;
		this.clock = clock;
	}

	/**
	 * Claims the payment for the caller. Returns null if the caller now holds the claim and must
	 * fulfil, or the claim of whoever came first.
	 */
	Claim claim(String paymentIntentId, Claim mine) {
		Instant now = clock.instant();
		forgetExpiredNowAndThen(now);
		// One atomic step: a claim whose time is up counts as no claim.
		Claim held = claims.merge(paymentIntentId, mine,
				(earlier, newer) -> earlier.isExpired(now) ? newer : earlier);
		return held == mine ? null : held;
	}

	/** postPurchase failed: forget the claim so that a retry (Stripe's webhook) can fulfil. */
	void release(String paymentIntentId, Claim mine, Throwable failure) {
		claims.remove(paymentIntentId, mine);
		mine.outcome.completeExceptionally(failure);
	}

	/** postPurchase ran: keep the claim for a while, and tell whoever waits whether Stripe has the mark. */
	void fulfilled(Claim mine, boolean markedAtStripe) {
		mine.markedAtStripe = markedAtStripe;
		mine.forgetAt = clock.instant().plus(remembered);
		mine.outcome.complete(null);
	}

	int size() {
		return claims.size();
	}

	/** Drops the claims whose time is up, at most once a minute: it reads every claim. */
	private void forgetExpiredNowAndThen(Instant now) {
		if (now.isBefore(nextSweep)) {
			return;
		}
		nextSweep = now.plus(SWEEP_INTERVAL);
		claims.values().removeIf((claim) -> claim.isExpired(now));
	}

	/** One payment being fulfilled (no {@code forgetAt} yet) or fulfilled. */
	static final class Claim {

		private final CompletableFuture<Void> outcome = new CompletableFuture<>();

		private volatile Instant forgetAt;

		private volatile boolean markedAtStripe;

		private boolean isExpired(Instant now) {
			Instant at = this.forgetAt;
			return at != null && !now.isBefore(at);
		}

		/**
		 * Waits until the fulfilment that holds this claim is over; throws if its postPurchase failed.
		 * Returns whether Stripe has the fulfilled mark.
		 */
		boolean awaitFulfilled() {
			try {
				this.outcome.join();
			}
			catch (CompletionException ex) {
				throw new IllegalStateException("Another request's fulfilment of this payment failed", ex.getCause());
			}
			return this.markedAtStripe;
		}

		void setMarkedAtStripe() {
			this.markedAtStripe = true;
		}

	}

}
