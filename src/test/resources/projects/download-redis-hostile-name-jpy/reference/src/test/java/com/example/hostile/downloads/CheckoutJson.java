package com.example.hostile.downloads;

/**
 * The JSON checkout.js sends to open a checkout, for tests that open one over HTTP: the item, how
 * many, and the name of every box the item page asks the buyer to tick, ticked, as a buyer who
 * pays has (checkout/CheckoutConsent).
 */
public final class CheckoutJson {

	/** The names of the boxes this store's item page asks to tick, as JSON. */
	static final String TICKED = "[\"withdrawal_waiver\"]";

	private CheckoutJson() {
	}

	public static String order(String itemId) {
		return order(itemId, 1);
	}

	public static String order(String itemId, int quantity) {
		return "{\"itemId\": \"%s\", \"quantity\": %d, \"ticked\": %s}".formatted(itemId, quantity, TICKED);
	}

}
