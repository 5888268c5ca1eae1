package com.example.plain.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * One thing the store sells, as written under {@code store.items} in application.yml.
 * The price is in major units (12.50 dollars, 1250 yen); Stripe wants minor units.
 * {@code image} is a file under {@code static/} ({@code /images/poster.jpg}) or an https address,
 * and {@code imageAlt} says what it shows, for shoppers who cannot see it.
 */
public record Item(
		@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes") String id,
		@NotBlank String name,
		String description,
		@NotNull @Positive BigDecimal price,
		@NotNull @Pattern(regexp = "[a-zA-Z]{3}", message = "must be a 3-letter ISO 4217 code") String currency,
		@Pattern(regexp = "(/[^/].*|https://[^\\s\"'<>]+)",
				message = "must be a path under static/, such as /images/poster.jpg, or an https:// address") String image,
		String imageAlt) {

	/** Stripe's largest amount for one payment, in minor units. */
	private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999");

	// Bean Validation checks the rest once the item is bound; here only what no annotation says.
	public Item {
		description = description == null ? "" : description;
		image = image == null || image.isBlank() ? null : image.strip();
		imageAlt = imageAlt == null ? "" : imageAlt.strip();
		if (image != null && image.startsWith("https://") && !isWebAddress(image)) {
			throw new IllegalArgumentException("store.items[id=" + id + "]: image " + image + " is not a web address");
		}
		if (image != null && imageAlt.isEmpty()) {
			throw new IllegalArgumentException("store.items[id=" + id + "]: image-alt must say what the image shows, "
					+ "for shoppers who cannot see it");
		}
		if (currency != null && currency.matches("[a-zA-Z]{3}") && price != null) {
			currency = currency.toLowerCase(Locale.ROOT);
			int decimals = MinorUnits.priceDecimals(currency);
			if (price.stripTrailingZeros().scale() > decimals) {
				throw new IllegalArgumentException("store.items[id=" + id + "]: price " + price.toPlainString()
						+ " has more decimals than " + currency + " allows (" + decimals + ")");
			}
			if (price.movePointRight(MinorUnits.apiDecimals(currency)).compareTo(MAX_AMOUNT) > 0) {
				throw new IllegalArgumentException("store.items[id=" + id + "]: price " + price.toPlainString()
						+ " is more than Stripe takes in one payment");
			}
		}
	}

	private static boolean isWebAddress(String address) {
		try {
			return URI.create(address).getHost() != null;
		}
		catch (IllegalArgumentException notAnAddress) {
			return false;
		}
	}

	/** The amount Stripe charges for this item: 12.50 usd is 1250, 1250 jpy is 1250. */
	public long amountInMinorUnits(int quantity) {
		return price.movePointRight(MinorUnits.apiDecimals(currency)).longValueExact() * quantity;
	}

	/** The price as a shopper reads it, with the currency's own symbol and decimals. */
	public String formattedPrice(Locale locale) {
		return format(price, currency, locale);
	}

	/** Formats an amount Stripe reported (minor units) in the given currency. */
	public static String formatMinorUnits(long amount, String currency, Locale locale) {
		return format(BigDecimal.valueOf(amount, MinorUnits.apiDecimals(currency)), currency, locale);
	}

	// The JDK knows each currency's symbol and decimals for display ("$12.50", "¥1,250").
	private static String format(BigDecimal majorUnits, String currency, Locale locale) {
		Currency unit = MinorUnits.unit(currency);
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(unit);
		format.setMinimumFractionDigits(unit.getDefaultFractionDigits());
		format.setMaximumFractionDigits(unit.getDefaultFractionDigits());
		return format.format(majorUnits);
	}

}
