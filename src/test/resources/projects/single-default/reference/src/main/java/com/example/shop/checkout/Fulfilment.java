package com.example.shop.checkout;

import java.time.Duration;
import java.util.Optional;

import com.example.shop.checkout.FulfilmentClaims.Claim;
import com.github.benmanes.caffeine.cache.Ticker;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentUpdateParams;

import org.springframework.stereotype.Component;

/**
 * Hands a succeeded payment of this store's ({@link StorePayments}) to
 * {@link PurchaseHooks#postPurchase} once, whoever notices it first: the purchase request (or a
 * doubled copy of it), the completion after 3-D Secure, or Stripe's webhook. Stripe keeps the
 * record: a PaymentIntent is marked with {@code fulfilled=true} in its metadata.
 *
 * <p>Within this instance the payment is also claimed in memory ({@link FulfilmentClaims}) while
 * it is fulfilled and for {@code REMEMBERED} after, so that requests holding a copy read before
 * the mark do not fulfil it again. Between instances only Stripe's mark guards, which is why
 * postPurchase is documented as called at least once.
 */
@Component
public class Fulfilment {

	static final String FULFILLED = "fulfilled";

	/**
	 * How long a payment fulfilled here is remembered. Copies of the PaymentIntent without the mark
	 * come from requests that read it just before the mark was set (seconds), and from Stripe's
	 * idempotency: a repeated purchase request gets the first answer again, unmarked, for the 24
	 * hours (at least) that Stripe keeps an idempotency key. Past that, only Stripe's mark guards.
	 * Each remembered payment costs a few hundred bytes: 10,000 payments a day hold a few MB.
	 */
	static final Duration REMEMBERED = Duration.ofHours(24);

	private final StripeClient stripe;

	private final PurchaseHooks hooks;

	private final StorePayments storePayments;

	private final FulfilmentClaims claims = new FulfilmentClaims(REMEMBERED, Ticker.systemTicker());

	Fulfilment(StripeClient stripe, PurchaseHooks hooks, StorePayments storePayments) {
		this.stripe = stripe;
		this.hooks = hooks;
		this.storePayments = storePayments;
	}

	/**
	 * Returns true if this call fulfilled the payment, false if it was not due, not this store's,
	 * or someone else fulfilled it. Throws if postPurchase throws (here or in the request it waited
	 * for), so that the webhook answers 500 and Stripe delivers the event again later.
	 */
	public boolean fulfil(PaymentIntent intent) throws StripeException {
		if (!"succeeded".equals(intent.getStatus()) || "true".equals(intent.getMetadata().get(FULFILLED))) {
			return false;
		}
		Optional<Purchase> purchase = storePayments.purchaseOf(intent);
		if (purchase.isEmpty()) {
			return false;
		}
		String id = intent.getId();
		Claim mine = new Claim();
		Claim earlier = claims.claim(id, mine);
		if (earlier != null) {
			// Wait rather than answer at once: if that fulfilment fails, this caller must fail too,
			// or a webhook would answer 200 and Stripe would never retry.
			if (!earlier.awaitFulfilled()) {
				// postPurchase ran but marking failed: mark now, never run postPurchase twice.
				markAtStripe(id);
				earlier.setMarkedAtStripe();
			}
			return false;
		}
		try {
			hooks.postPurchase(purchase.get());
		}
		catch (RuntimeException | Error ex) {
			claims.release(id, mine, ex);
			throw ex;
		}
		boolean marked = false;
		try {
			markAtStripe(id);
			marked = true;
		}
		finally {
			// If marking failed, the exception goes on (the webhook answers 500); the claim stays,
			// so Stripe's retry only marks the payment and does not run postPurchase again.
			claims.fulfilled(id, mine, marked);
		}
		return true;
	}

	private void markAtStripe(String paymentIntentId) throws StripeException {
		stripe.v1()
			.paymentIntents()
			.update(paymentIntentId, PaymentIntentUpdateParams.builder().putMetadata(FULFILLED, "true").build());
	}

}
