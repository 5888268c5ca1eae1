package com.example.downloads.checkout;

/**
 * A payment Stripe reports as succeeded, as handed to {@link PurchaseHooks#postPurchase}.
 * Everything here is read back from the PaymentIntent (see {@link StorePayments}), so a purchase
 * fulfilled by the webhook looks exactly like one fulfilled in the browser.
 *
 * @param amount the amount charged, in the currency's minor units
 */
public record Purchase(String paymentIntentId, String itemId, int quantity, long amount, String currency,
		String email) {
}
