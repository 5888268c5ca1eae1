package com.example.shop.ratelimit;

import java.time.Duration;

/** A payment attempt over the limit: answered 429 with a Retry-After, before Stripe is called. */
public class TooManyAttemptsException extends RuntimeException {

	private final Duration retryAfter;

	TooManyAttemptsException(String messageForTheShopper, Duration retryAfter) {
		super(messageForTheShopper);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

}
