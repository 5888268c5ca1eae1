package com.example.downloads.checkout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The place to add your own business logic: this is the class to edit.
 *
 * <p>The store itself keeps no records; Stripe does. Use these two methods to save orders in
 * your database, send an e-mail, or grant access to what was bought.
 */
@Component
public class PurchaseHooks {

	private static final Logger log = LoggerFactory.getLogger(PurchaseHooks.class);

	/**
	 * Called before the card is charged. Return the order to charge (change the amount here
	 * for a discount), or throw {@link PurchaseRejectedException} to refuse it (sold out,
	 * shipping not possible...): the shopper sees its message and is not charged.
	 */
	public Order prePurchase(Order order) {
		return order;
	}

	/**
	 * Called after Stripe reports the payment succeeded: save the order, send the goods.
	 *
	 * <p>Called <em>at least once</em> per payment: normally once, but a webhook and the
	 * shopper's browser can race. Key whatever you store by {@code purchase.paymentIntentId()}
	 * so that a second call changes nothing. If this method throws, the payment stays
	 * unfulfilled and Stripe's webhook retries call it again later.
	 */
	public void postPurchase(Purchase purchase) {
		// Logs what was sold, never a key or a card detail (the server never sees card details).
		log.info("Purchase {}: {} x {}, {} {} (minor units)", purchase.paymentIntentId(), purchase.quantity(),
				purchase.itemId(), purchase.amount(), purchase.currency());
	}

}
