package com.example.hostile.downloads;

import com.example.hostile.downloads.catalog.Item;

/**
 * What a shopper is about to buy, as {@link PurchaseHooks#prePurchase} sees it: priced by the
 * store from its catalog, never from the request.
 *
 * @param unitAmount the price of one, in the currency's minor units (cents for usd, yen for jpy);
 * Stripe adds promotion codes and tax on top, and shows the buyer the total
 */
public record Order(Item item, int quantity, long unitAmount, String currency) {

	/** The order for a quantity of an item at its catalog price. */
	public static Order of(Item item, int quantity) {
		return new Order(item, quantity, item.amountInMinorUnits(1), item.currency());
	}

	/** The same order at another price of one (a discount, say). */
	public Order withUnitAmount(long unitAmount) {
		if (unitAmount < 1) {
			throw new IllegalArgumentException("An order must cost something: use a promotion code to give it away");
		}
		return new Order(item, quantity, unitAmount, currency);
	}

	/** What the order costs before Stripe's promotion codes and tax. */
	public long subtotal() {
		return unitAmount * quantity;
	}

}
