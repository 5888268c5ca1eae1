package com.example.downloads.checkout;

/** The JSON answers the checkout script reads: exactly one of these per request. */
sealed interface PurchaseResponse {

	/** Paid (or being processed): the browser goes to the receipt. */
	record Receipt(String receiptUrl) implements PurchaseResponse {
	}

	/** The bank wants the shopper to authenticate (3-D Secure) in the browser first. */
	record ActionRequired(String clientSecret) implements PurchaseResponse {

		// The client secret is for the shopper's browser alone. Spring logs every response body
		// at DEBUG ("Writing [...]"), so this record must never print it.
		@Override
		public String toString() {
			return "ActionRequired[clientSecret=(hidden)]";
		}

	}

	/** Shown to the shopper as it is: {@code {"error": {"message": "..."}}}, as Stripe's samples do. */
	record Failure(Message error) implements PurchaseResponse {

		Failure(String message) {
			this(new Message(message));
		}

		record Message(String message) {
		}

	}

}
