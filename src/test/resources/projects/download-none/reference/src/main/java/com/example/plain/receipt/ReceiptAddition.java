package com.example.plain.receipt;

import java.util.Map;

import com.example.plain.Purchase;
import com.stripe.model.checkout.Session;

/**
 * What a feature adds to the receipt of a paid purchase (a link, a key, a note) without
 * this package knowing the feature: each bean of this type is asked when such a receipt is shown,
 * and templates/receipt.ftlh includes the template it names, which reads what it put in the model.
 * A refunded or disputed purchase gets none of them.
 */
public interface ReceiptAddition {

	/** The template receipt.ftlh includes, under templates/, such as {@code "myfeature/receipt.ftlh"}. */
	String template();

	/**
	 * @param session the purchase's Checkout Session as Stripe told it a moment ago
	 * @param model what the template reads: put this feature's values in it
	 */
	void addTo(Purchase purchase, Session session, Map<String, Object> model);

}
