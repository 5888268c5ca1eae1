package com.example.shop.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;

/**
 * A failed Stripe call in a few words for the log: "HTTP 503 api_error (request req_123)", or
 * "Stripe unreachable" for a connection that failed, whose cause and address
 * {@link ExplainingHttpClient} logged just before. Never Stripe's message: it is written for
 * developers and can echo request details.
 */
public final class StripeFailure {

	private StripeFailure() {
	}

	public static String summary(StripeException ex) {
		if (ex instanceof ApiConnectionException) {
			return "Stripe unreachable (the line before says why)";
		}
		StringBuilder summary = new StringBuilder("HTTP ").append(ex.getStatusCode());
		if (ex.getCode() != null) {
			summary.append(' ').append(ex.getCode());
		}
		if (ex.getRequestId() != null) {
			summary.append(" (request ").append(ex.getRequestId()).append(')');
		}
		return summary.toString();
	}

}
