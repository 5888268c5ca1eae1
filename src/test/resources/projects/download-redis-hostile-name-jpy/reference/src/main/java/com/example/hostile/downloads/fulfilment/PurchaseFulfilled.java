package com.example.hostile.downloads.fulfilment;

import com.example.hostile.downloads.Purchase;
import com.stripe.model.checkout.Session;

/**
 * Published once {@link com.example.hostile.downloads.PurchaseHooks#postPurchase} has run for a purchase: once per
 * purchase in this instance. Features that follow a purchase listen for it, so
 * that fulfilment knows nothing of them.
 *
 * @param session the Checkout Session as Stripe reported it, for what a feature recorded in it
 * @param receiptUrl the receipt page's absolute address, as the buyer's browser was sent there
 * (the session's {@code return_url}), or null if Stripe's session has none
 */
public record PurchaseFulfilled(Purchase purchase, Session session, String receiptUrl) {

	static PurchaseFulfilled of(Purchase purchase, Session session) {
		String returnUrl = session.getReturnUrl();
		return new PurchaseFulfilled(purchase, session,
				returnUrl == null ? null : returnUrl.replace("{CHECKOUT_SESSION_ID}", session.getId()));
	}

}
