package com.example.plain.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;

/**
 * A failed Stripe call: whether it was about something Stripe does not have, and, for the log, in
 * a few words: "HTTP 503 api_error (request req_123)", or "Stripe unreachable" for a connection that
 * failed, whose cause and address {@link ExplainingHttpClient} logged just before. Never Stripe's
 * message: it is written for developers and can echo request details.
 */
public final class StripeFailure {

	private StripeFailure() {
	}

	/** Stripe has no such object (404 resource_missing): a session id that was never this account's, say. */
	public static boolean notFound(StripeException ex) {
		return Integer.valueOf(404).equals(ex.getStatusCode());
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
