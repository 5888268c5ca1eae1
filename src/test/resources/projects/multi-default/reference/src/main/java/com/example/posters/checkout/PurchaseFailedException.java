package com.example.posters.checkout;

import org.springframework.http.HttpStatus;

/** A purchase that stops with a message for the shopper and an HTTP status for the script. */
class PurchaseFailedException extends RuntimeException {

	private final HttpStatus status;

	PurchaseFailedException(HttpStatus status, String messageForTheShopper) {
		super(messageForTheShopper);
		this.status = status;
	}

	HttpStatus status() {
		return status;
	}

}
