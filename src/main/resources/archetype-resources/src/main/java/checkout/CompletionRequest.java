package ${package}.checkout;

/**
 * Posted by the checkout script after 3-D Secure. The client secret, not only the
 * PaymentIntent id, proves the caller is the shopper who started the payment.
 */
record CompletionRequest(String clientSecret) {
}
