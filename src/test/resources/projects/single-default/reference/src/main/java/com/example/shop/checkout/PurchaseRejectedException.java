package com.example.shop.checkout;

/**
 * Thrown by {@link PurchaseHooks#prePurchase} to refuse a purchase before any card is charged.
 * The message is shown to the shopper, so write it for them.
 */
public class PurchaseRejectedException extends RuntimeException {

	public PurchaseRejectedException(String messageForTheShopper) {
		super(messageForTheShopper);
	}

}
