package com.example.posters.checkout;

import com.example.posters.catalog.Item;

/**
 * What a shopper is about to pay for, before Stripe is asked to charge.
 *
 * @param amount the total in the currency's minor units (cents for usd, yen for jpy),
 * computed by the server from the catalog, never taken from the request
 */
public record Order(Item item, int quantity, long amount, String currency, String email) {

	static Order of(Item item, int quantity, String email) {
		return new Order(item, quantity, item.amountInMinorUnits(quantity), item.currency(), email);
	}

}
