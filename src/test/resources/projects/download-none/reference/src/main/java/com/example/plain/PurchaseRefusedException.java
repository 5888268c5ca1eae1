package com.example.plain;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown by {@link PurchaseHooks#prePurchase} to refuse an order: the shopper reads the message
 * (write it for them), and the store answers 422 without calling Stripe.
 */
public class PurchaseRefusedException extends ErrorResponseException {

	public PurchaseRefusedException(String messageForTheShopper) {
		super(HttpStatus.UNPROCESSABLE_CONTENT,
				ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, messageForTheShopper), null);
	}

}
