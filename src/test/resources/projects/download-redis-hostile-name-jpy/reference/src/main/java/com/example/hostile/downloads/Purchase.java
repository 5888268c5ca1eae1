package com.example.hostile.downloads;

/**
 * A paid purchase, as {@link PurchaseHooks#postPurchase} gets it, read back from its Checkout
 * Session at Stripe: a purchase fulfilled by the webhook looks exactly like one fulfilled on the
 * receipt page.
 *
 * @param id the Checkout Session's id ({@code cs_...}): the key to store the purchase under
 * @param amountTotal what the buyer paid, after promotion codes and tax, in the currency's minor
 * units
 * @param currency the store's currency (with Adaptive Pricing a buyer abroad may have paid in their own,
 * which Stripe reports as the session's {@code presentment_details})
 * @param email the address the buyer gave, where Stripe sends its receipt
 */
public record Purchase(String id, String itemId, int quantity, long amountTotal, String currency, String email) {
}
