package com.example.plain.checkout;

import com.example.plain.stripe.StripeFailure;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The checkout's answers when it cannot open, as Problem Details (RFC 9457) whose {@code detail}
 * checkout.js shows the shopper. Spring writes them for what it refuses itself (unreadable JSON,
 * a field the store does not know, a wrong content type) and for the checkout's own refusals; this
 * class adds Stripe's failures and the first validation message. Every text is in
 * messages.properties, in the store's language. Never the exception itself: it can carry request
 * details that are not the shopper's business.
 *
 * <p>Opening a checkout charges nothing, so every answer can say so: paying happens later, at
 * Stripe, from the form this opens.
 */
@RestControllerAdvice(assignableTypes = CheckoutController.class)
class CheckoutErrors extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(CheckoutErrors.class);

	static final String TRY_AGAIN = "checkout.tryAgain";

	static final String CANNOT_OPEN = "checkout.cannotOpen";

	private final MessageSourceAccessor messages;

	CheckoutErrors(MessageSourceAccessor messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ProblemDetail stripeFailed(StripeException ex) {
		Integer status = ex.getStatusCode();
		boolean worthRetrying = ex instanceof ApiConnectionException || status == null || status >= 500
				|| status == 409 || status == 429;
		if (!worthRetrying) {
			// Stripe refused the session itself (a bad key, Stripe Tax not set up...): the seller must fix it.
			String param = ex.getStripeError() == null ? null : ex.getStripeError().getParam();
			log.error("Stripe refused to open a checkout: {}{}", StripeFailure.summary(ex),
					param == null ? "" : ", on " + param);
			return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, messages.getMessage(CANNOT_OPEN));
		}
		log.warn("Stripe could not open a checkout: {}", StripeFailure.summary(ex));
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, messages.getMessage(TRY_AGAIN));
	}

	/**
	 * Anything else that stopped the checkout: stripe-java failing on a garbled answer (it throws a
	 * NullPointerException on a broken chunked body, say), or a bug in prePurchase. Nothing was
	 * charged either way.
	 */
	@ExceptionHandler
	ProblemDetail failed(RuntimeException ex) {
		log.error("A checkout could not be opened", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, messages.getMessage(CANNOT_OPEN));
	}

	/** The first thing wrong, in the words of the annotation on CheckoutRequest. */
	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String message = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(FieldError::getDefaultMessage)
			.findFirst()
			.orElse(messages.getMessage("error.400"));
		return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, message), headers, status, request);
	}

}
