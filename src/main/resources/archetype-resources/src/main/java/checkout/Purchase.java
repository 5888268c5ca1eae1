package ${package}.checkout;

import com.stripe.model.PaymentIntent;

/**
 * A payment Stripe reports as succeeded, as handed to {@link PurchaseHooks#postPurchase}.
 * Everything here is read back from the PaymentIntent, so a purchase fulfilled by the
 * webhook looks exactly like one fulfilled in the browser.
 *
 * @param amount the amount charged, in the currency's minor units
 */
public record Purchase(String paymentIntentId, String itemId, int quantity, long amount, String currency,
		String email) {

	static final String ITEM_ID = "item_id";

	static final String QUANTITY = "quantity";

	static Purchase from(PaymentIntent intent) {
		return new Purchase(intent.getId(), intent.getMetadata().get(ITEM_ID),
				Integer.parseInt(intent.getMetadata().getOrDefault(QUANTITY, "1")), intent.getAmount(),
				intent.getCurrency(), intent.getReceiptEmail());
	}

}
