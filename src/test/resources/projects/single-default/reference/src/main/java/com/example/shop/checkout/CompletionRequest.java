package com.example.shop.checkout;

/**
 * Posted by the checkout script after 3-D Secure. The client secret, not only the
 * PaymentIntent id, proves the caller is the shopper who started the payment.
 */
record CompletionRequest(String clientSecret) {

	// Spring logs every request body it reads at DEBUG ("Read ... to [...]"), so this record must
	// never print the client secret.
	@Override
	public String toString() {
		return "CompletionRequest[clientSecret=(hidden)]";
	}

}
