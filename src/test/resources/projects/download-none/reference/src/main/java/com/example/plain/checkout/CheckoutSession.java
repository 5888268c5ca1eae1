package com.example.plain.checkout;

/**
 * What the checkout answers checkout.js, to show Stripe's payment form: the session's client
 * secret, and which fields to add to it.
 */
record CheckoutSession(String clientSecret, boolean promotionCodes, boolean billingAddress) {

	// Spring's DEBUG log prints what a handler answers: never with the client secret.
	@Override
	public String toString() {
		return "CheckoutSession[promotionCodes=" + promotionCodes + ", billingAddress=" + billingAddress + "]";
	}

}
