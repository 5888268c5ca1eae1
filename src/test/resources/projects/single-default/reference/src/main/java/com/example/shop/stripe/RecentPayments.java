package com.example.shop.stripe;

import java.util.concurrent.CompletionException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentRetrieveParams;

import org.springframework.stereotype.Component;

/**
 * Payments as Stripe reported them a moment ago, for the pages that anyone holding a link can open
 * as often as they like (receipts, downloads). Stripe's rate limit is per account, so without this
 * one link reloaded in a loop could make real purchases fail. Each payment is asked for at most
 * once per {@code stripe.payment-cache-time} (requests arriving together wait for one answer), so
 * a refund or dispute shows within that time. Failures are not kept: the next request asks again.
 */
@Component
public class RecentPayments {

	private final StripeClient stripe;

	private final Cache<String, PaymentIntent> payments;

	RecentPayments(StripeClient stripe, StripeSettings settings) {
		this.stripe = stripe;
		this.payments = Caffeine.newBuilder()
			.expireAfterWrite(settings.paymentCacheTime())
			// Enough for every payment looked at within that time; the oldest go first.
			.maximumSize(10_000)
			.build();
	}

	/** The PaymentIntent with its latest charge, whose refunds and disputes decide what the buyer still gets. */
	public PaymentIntent find(String paymentIntentId) throws StripeException {
		try {
			return payments.get(paymentIntentId, this::retrieve);
		}
		catch (CompletionException ex) {
			throw (StripeException) ex.getCause();
		}
	}

	private PaymentIntent retrieve(String paymentIntentId) {
		try {
			return stripe.v1()
				.paymentIntents()
				.retrieve(paymentIntentId, PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build());
		}
		catch (StripeException ex) {
			throw new CompletionException(ex);
		}
	}

}
