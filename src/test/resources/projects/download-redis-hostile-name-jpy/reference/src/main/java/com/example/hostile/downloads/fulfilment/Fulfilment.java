package com.example.hostile.downloads.fulfilment;

import java.time.Duration;
import java.util.Optional;

import com.example.hostile.downloads.Purchase;
import com.example.hostile.downloads.PurchaseHooks;
import com.example.hostile.downloads.fulfilment.FulfilmentClaims.Claim;
import com.github.benmanes.caffeine.cache.Ticker;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Hands a paid Checkout Session of this store's ({@link PurchaseMetadata}) to
 * {@link PurchaseHooks#postPurchase} once, whoever notices it first: the receipt page (or a reload
 * of it) or Stripe's webhook. Stripe keeps the record ({@link FulfilledMark}).
 *
 * <p>Within this instance the purchase is also claimed in memory ({@link FulfilmentClaims}) while
 * it is fulfilled and for {@code REMEMBERED} after, so that requests holding a copy read before
 * the mark do not fulfil it again; between instances, in {@link InstanceClaim}. Where the
 * store has no claims across instances (Redis), or they do not answer, Stripe's mark alone guards
 * between instances: that is why postPurchase is documented as called at least once.
 *
 * <p>After postPurchase it publishes {@link PurchaseFulfilled}, for the features that follow a
 * purchase: as often as postPurchase runs.
 */
@Component
public class Fulfilment {

	private static final Logger log = LoggerFactory.getLogger(Fulfilment.class);

	/**
	 * How long a purchase fulfilled here is remembered. Copies of the session without the mark come
	 * from requests that read it just before the mark was set, and from the receipt's short cache
	 * ({@code stripe.payment-cache-time}, at most five minutes). Each remembered purchase costs a
	 * few hundred bytes: 10,000 purchases an hour hold a few MB.
	 */
	static final Duration REMEMBERED = Duration.ofHours(1);

	private final FulfilledMark mark;

	private final PurchaseHooks hooks;

	private final PurchaseMetadata purchaseMetadata;

	private final ApplicationEventPublisher events;

	private final FulfilmentClaims claims = new FulfilmentClaims(REMEMBERED, Ticker.systemTicker());

	private final Optional<ClaimsAcrossInstances> acrossInstances;

	Fulfilment(FulfilledMark mark, PurchaseHooks hooks, PurchaseMetadata purchaseMetadata,
			ApplicationEventPublisher events, Optional<ClaimsAcrossInstances> acrossInstances) {
		this.mark = mark;
		this.hooks = hooks;
		this.purchaseMetadata = purchaseMetadata;
		this.events = events;
		this.acrossInstances = acrossInstances;
	}

	/**
	 * Returns true if this call fulfilled the purchase, false if it was not due (not paid, or
	 * marked fulfilled already), not this store's, or someone else fulfilled it. Throws if
	 * postPurchase throws (here or in the request it waited for), so that the webhook answers 500
	 * and Stripe delivers the event again later.
	 */
	public boolean fulfil(Session session) throws StripeException {
		Optional<Purchase> purchase = purchaseMetadata.paidPurchaseOf(session);
		if (purchase.isEmpty() || mark.isOn(session)) {
			return false;
		}
		String id = session.getId();
		Claim mine = new Claim();
		Claim earlier = claims.claim(id, mine);
		if (earlier != null) {
			// Wait rather than answer at once: if that fulfilment fails, this caller must fail too,
			// or a webhook would answer 200 and Stripe would never retry.
			if (!earlier.awaitFulfilled()) {
				// postPurchase ran but marking failed: mark now, never run postPurchase twice.
				mark.set(id);
				earlier.setMarkedAtStripe();
			}
			return false;
		}
		InstanceClaim instanceClaim = new InstanceClaim(acrossInstances, id, REMEMBERED);
		if (instanceClaim.heldElsewhere()) {
			fulfilledElsewhere(id, mine, instanceClaim);
			return false;
		}
		try {
			hooks.postPurchase(purchase.get());
		}
		catch (RuntimeException | Error ex) {
			claims.release(id, mine, ex);
			instanceClaim.release();
			throw ex;
		}
		boolean marked = false;
		try {
			mark.set(id);
			marked = true;
		}
		finally {
			// If marking failed, the exception goes on (the webhook answers 500); the claim stays,
			// so Stripe's retry only marks the session and does not run postPurchase again.
			claims.fulfilled(id, mine, marked);
			instanceClaim.fulfilled(marked);
			published(purchase.get(), session);
		}
		return true;
	}

	/** Another instance holds the claim: wait for it like for one here, and tell this instance's waiters. */
	private void fulfilledElsewhere(String id, Claim mine, InstanceClaim instanceClaim) throws StripeException {
		boolean marked;
		try {
			marked = instanceClaim.awaitElsewhere();
		}
		catch (RuntimeException ex) {
			claims.release(id, mine, ex);
			throw ex;
		}
		try {
			if (!marked) {
				// postPurchase ran there but marking failed: mark now, never run postPurchase twice.
				mark.set(id);
				marked = true;
			}
		}
		finally {
			claims.fulfilled(id, mine, marked);
		}
	}

	/** postPurchase ran, so what follows it happens even if marking failed; a listener's failure stays its own. */
	private void published(Purchase purchase, Session session) {
		try {
			events.publishEvent(PurchaseFulfilled.of(purchase, session));
		}
		catch (RuntimeException ex) {
			log.error("A listener of PurchaseFulfilled failed for purchase {}", purchase.id(), ex);
		}
	}

}
