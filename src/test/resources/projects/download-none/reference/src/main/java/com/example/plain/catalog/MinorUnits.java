package com.example.plain.catalog;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * How Stripe counts money: amounts in the API are whole numbers of a currency's minor unit.
 * Most currencies have hundredths (1250 = 12.50 usd); Stripe's list of zero-decimal currencies
 * has none (1250 = 1250 jpy), and five currencies have thousandths (docs.stripe.com/currencies).
 */
final class MinorUnits {

	private static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga",
			"pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf");

	private static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

	private MinorUnits() {
	}

	/** Decimals in Stripe's amounts: 0 for jpy, 3 for kwd, 2 for the rest. */
	static int apiDecimals(String currency) {
		return ZERO_DECIMAL.contains(currency) ? 0 : THREE_DECIMAL.contains(currency) ? 3 : 2;
	}

	/**
	 * Decimals a price may have. Never more than the currency itself has (isk, mga: whole units),
	 * and two for three-decimal currencies, whose amounts Stripe wants to end in 0.
	 */
	static int priceDecimals(String currency) {
		int stripe = ZERO_DECIMAL.contains(currency) ? 0 : 2;
		return Math.min(stripe, unit(currency).getDefaultFractionDigits());
	}

	static Currency unit(String currency) {
		try {
			return Currency.getInstance(currency.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new IllegalArgumentException("store.items: " + currency + " is not an ISO 4217 currency code");
		}
	}

}
