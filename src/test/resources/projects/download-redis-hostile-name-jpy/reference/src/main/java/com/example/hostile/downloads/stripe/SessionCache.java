package com.example.hostile.downloads.stripe;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionRetrieveParams;

import org.springframework.stereotype.Component;

/**
 * Checkout Sessions as Stripe reported them a moment ago, for the pages anyone holding a link can
 * open as often as they like (receipts, downloads). Stripe's rate limit is per account, so without
 * this one link reloaded in a loop could make real purchases fail. A paid session is asked for at
 * most once per {@code stripe.payment-cache-time}, so a refund or dispute shows within that time;
 * one still open or processing for a second only, so the buyer sees it go through. Stripe's webhook
 * tells of refunds and disputes as they happen, and the session is then forgotten here
 * ({@link #forget}), so that the next page asks Stripe at once. Requests arriving together wait for
 * one answer. Failures are not kept: the next request asks again.
 */
@Component
public class SessionCache {

	private static final Duration UNPAID = Duration.ofSeconds(1);

	private final StripeClient stripe;

	private final Cache<String, Session> sessions;

	SessionCache(StripeClient stripe, StripeProperties settings) {
		this.stripe = stripe;
		Duration paid = settings.paymentCacheTime();
		this.sessions = Caffeine.newBuilder().expireAfter(Expiry.<String, Session>creating(
				(id, session) -> "unpaid".equals(session.getPaymentStatus()) ? UNPAID : paid))
			// Enough for every purchase looked at within that time; the oldest go first.
			.maximumSize(10_000)
			.build();
	}

	/**
	 * The session with its PaymentIntent and that payment's latest charge, whose refunds and
	 * disputes decide what the buyer still gets.
	 */
	public Session find(String sessionId) throws StripeException {
		try {
			return sessions.get(sessionId, this::retrieve);
		}
		catch (CompletionException ex) {
			throw (StripeException) ex.getCause();
		}
	}

	/** Drops what Stripe said about a session, so that the next request asks Stripe again. */
	public void forget(String sessionId) {
		sessions.invalidate(sessionId);
	}

	private Session retrieve(String sessionId) {
		try {
			return stripe.v1()
				.checkout()
				.sessions()
				.retrieve(sessionId, SessionRetrieveParams.builder().addExpand("payment_intent.latest_charge").build());
		}
		catch (StripeException ex) {
			throw new CompletionException(ex);
		}
	}

}
