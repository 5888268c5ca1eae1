package com.example.posters.checkout;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import com.example.posters.checkout.PurchaseResponse.Failure;
import com.example.posters.ratelimit.TooManyAttemptsException;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns what can go wrong during a purchase into a short JSON message for the shopper.
 * Never the exception itself: it can carry request details that are not the shopper's business.
 */
@RestControllerAdvice(assignableTypes = PurchaseController.class)
class PurchaseErrors {

	private static final Logger log = LoggerFactory.getLogger(PurchaseErrors.class);

	static final String NOT_CHARGED = "The payment could not be completed and you were not charged. Please try again.";

	static final String STRIPE_UNREACHABLE = "The payment service could not be reached and you were not charged. "
			+ "Please try again in a minute.";

	// When the request may have reached Stripe before things went wrong, "not charged" would be a
	// guess. Trying again is safe: the retry carries the same idempotency key (the checkout script
	// sends the same confirmation token), so Stripe answers with this payment instead of a new one.
	static final String SAFE_TO_RETRY = "Please try again: if this payment went through, you will see its receipt "
			+ "and will not be charged twice.";

	static final String STRIPE_NO_ANSWER = "The payment service did not answer in time. " + SAFE_TO_RETRY;

	static final String STILL_PROCESSING = "This payment is still being processed. " + SAFE_TO_RETRY;

	static final String OUTCOME_UNKNOWN = "Something went wrong while taking the payment. " + SAFE_TO_RETRY;

	@ExceptionHandler
	ResponseEntity<Failure> failed(PurchaseFailedException ex) {
		return ResponseEntity.status(ex.status()).body(new Failure(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Failure> rejected(PurchaseRejectedException ex) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new Failure(ex.getMessage()));
	}

	/** A declined card: Stripe's message is written for the shopper ("Your card was declined."). */
	@ExceptionHandler
	ResponseEntity<Failure> declined(CardException ex) {
		log.info("Card declined: {} (request {})", ex.getCode(), ex.getRequestId());
		return ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED).body(new Failure(ex.getStripeError().getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Failure> unreachable(ApiConnectionException ex) {
		boolean neverSent = neverSent(ex.getCause());
		log.warn("Stripe {}: {}", neverSent ? "could not be reached" : "did not answer", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(new Failure(neverSent ? STRIPE_UNREACHABLE : STRIPE_NO_ANSWER));
	}

	@ExceptionHandler
	ResponseEntity<Failure> stripeFailed(StripeException ex) {
		log.warn("Stripe refused the purchase: HTTP {} {} (request {})", ex.getStatusCode(), ex.getCode(),
				ex.getRequestId());
		Integer status = ex.getStatusCode();
		if (status == null || status >= 500) {
			// Stripe's own trouble: the outcome is unknown until the same request is tried again.
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Failure(STRIPE_NO_ANSWER));
		}
		if (status == 409) {
			// The same attempt (same idempotency key) is still running at Stripe: a doubled request.
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Failure(STILL_PROCESSING));
		}
		if (status == 429) {
			// Stripe's rate limit refused the request before doing anything with it.
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Failure(STRIPE_UNREACHABLE));
		}
		// Any other refusal is a request Stripe will not carry out (an unknown token, say).
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new Failure(NOT_CHARGED));
	}

	/** Malformed JSON, a field of the wrong type, or a field the store does not know (an amount, say). */
	@ExceptionHandler
	ResponseEntity<Failure> unreadable(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest().body(new Failure("The request could not be read."));
	}

	@ExceptionHandler
	ResponseEntity<Failure> notJson(HttpMediaTypeNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(new Failure("The request must be JSON (Content-Type: application/json)."));
	}

	@ExceptionHandler
	ResponseEntity<Failure> tooMany(TooManyAttemptsException ex) {
		long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(new Failure(ex.getMessage()));
	}

	/**
	 * Anything else: a bug, or an answer from Stripe garbled on the way. Whether Stripe charged is
	 * unknown, so the shopper hears what is safe to do: the same attempt again.
	 */
	@ExceptionHandler
	ResponseEntity<Failure> unexpected(RuntimeException ex) {
		log.error("The purchase failed unexpectedly", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(new Failure(OUTCOME_UNKNOWN));
	}

	/** True when the connection failed before the request could have reached Stripe. */
	private static boolean neverSent(Throwable cause) {
		return cause instanceof ConnectException || cause instanceof NoRouteToHostException
				|| cause instanceof UnknownHostException
				|| (cause instanceof SocketTimeoutException && String.valueOf(cause.getMessage()).contains("connect"));
	}

}
