package com.example.plain.fulfilment;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The purchases this instance is fulfilling right now, or fulfilled a short while ago, so that
 * {@code PurchaseHooks.postPurchase} runs once per purchase here even when the receipt page,
 * its reloads and Stripe's webhook (delivered twice, say) all arrive together.
 *
 * <p>Why not rely on Stripe's {@code fulfilled} mark alone: every request that read the
 * Checkout Session before the mark was set holds a copy without it, and would fulfil again. Why in
 * memory: the store keeps no database, and Stripe's mark stays the lasting record (and the guard
 * between instances). Why only for a while: copies without the mark stop coming after a while
 * (see {@code Fulfilment.REMEMBERED}), so a claim is kept {@code remembered} after its fulfilment
 * and then forgotten (a Caffeine cache with an expiry per claim). A claim still being fulfilled
 * never expires.
 */
public final class FulfilmentClaims {

	private final Cache<String, Claim> claims;

	public FulfilmentClaims(Duration remembered, Ticker ticker) {
		this.claims = Caffeine.newBuilder().expireAfter(new Expiry<String, Claim>() {

			@Override
			public long expireAfterCreate(String id, Claim claim, long now) {
				return Long.MAX_VALUE;
			}

			@Override
			public long expireAfterUpdate(String id, Claim claim, long now, long currentDuration) {
				return claim.outcome.isDone() ? remembered.toNanos() : currentDuration;
			}

			@Override
			public long expireAfterRead(String id, Claim claim, long now, long currentDuration) {
				return currentDuration;
			}

		}).ticker(ticker).executor(Runnable::run).build();
	}

	/**
	 * Claims the purchase for the caller. Returns null if the caller now holds the claim and must
	 * fulfil, or the claim of whoever came first.
	 */
	public Claim claim(String sessionId, Claim mine) {
		return claims.asMap().putIfAbsent(sessionId, mine);
	}

	/** postPurchase failed: forget the claim so that a retry (Stripe's webhook) can fulfil. */
	public void release(String sessionId, Claim mine, Throwable failure) {
		claims.asMap().remove(sessionId, mine);
		mine.outcome.completeExceptionally(failure);
	}

	/** postPurchase ran: keep the claim for a while, and tell whoever waits whether Stripe has the mark. */
	public void fulfilled(String sessionId, Claim mine, boolean markedAtStripe) {
		mine.markedAtStripe = markedAtStripe;
		mine.outcome.complete(null);
		// Put back, so that the cache starts the claim's time to be remembered.
		claims.asMap().replace(sessionId, mine, mine);
	}

	long size() {
		claims.cleanUp();
		return claims.estimatedSize();
	}

	/** One purchase being fulfilled, or fulfilled. */
	public static final class Claim {

		private final CompletableFuture<Void> outcome = new CompletableFuture<>();

		private volatile boolean markedAtStripe;

		/**
		 * Waits until the fulfilment that holds this claim is over; throws if its postPurchase failed.
		 * Returns whether Stripe has the fulfilled mark.
		 */
		public boolean awaitFulfilled() {
			try {
				this.outcome.join();
			}
			catch (CompletionException ex) {
				throw new IllegalStateException("Another request's fulfilment of this purchase failed", ex.getCause());
			}
			return this.markedAtStripe;
		}

		void setMarkedAtStripe() {
			this.markedAtStripe = true;
		}

	}

}
