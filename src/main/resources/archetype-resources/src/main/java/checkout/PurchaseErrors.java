package ${package}.checkout;

import ${package}.checkout.PurchaseResponse.Failure;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
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
		log.warn("Stripe could not be reached: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Failure(STRIPE_UNREACHABLE));
	}

	@ExceptionHandler
	ResponseEntity<Failure> stripeFailed(StripeException ex) {
		// 5xx from Stripe is their outage; anything else is a request Stripe refused.
		boolean outage = ex.getStatusCode() == null || ex.getStatusCode() >= 500 || ex.getStatusCode() == 429;
		log.warn("Stripe refused the purchase: HTTP {} {} (request {})", ex.getStatusCode(), ex.getCode(),
				ex.getRequestId());
		return outage ? ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Failure(STRIPE_UNREACHABLE))
				: ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new Failure(NOT_CHARGED));
	}

	@ExceptionHandler
	ResponseEntity<Failure> unreadable(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest().body(new Failure("The request could not be read."));
	}

}
