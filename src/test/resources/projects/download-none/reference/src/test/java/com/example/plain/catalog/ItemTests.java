package com.example.plain.catalog;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * An item's price in Stripe's minor units and as shoppers read it, and the checks its constructor
 * makes: those no Bean Validation annotation can say (a currency's decimals, Stripe's largest
 * amount). The annotations on Item (an id in lower case, a price above zero, a three-letter
 * currency) are checked when the store binds application.yml: see CatalogSettingsTests.
 */
class ItemTests {

	static Item item(String price, String currency) {
		return new Item("book", "Book", null, new BigDecimal(price), currency, null, null);
	}

	@Test
	void pricesBecomeMinorUnitsWithTheCurrencysOwnDecimals() {
		assertThat(item("12.50", "usd").amountInMinorUnits(1)).isEqualTo(1250);
		assertThat(item("12.5", "eur").amountInMinorUnits(3)).isEqualTo(3750);
		assertThat(item("1250", "jpy").amountInMinorUnits(1)).isEqualTo(1250);
		assertThat(item("1.5", "kwd").amountInMinorUnits(1)).isEqualTo(1500);
	}

	@Test
	void pricesAreFormattedTheWayShoppersReadThem() {
		assertThat(item("12.5", "usd").formattedPrice(Locale.US)).isEqualTo("$12.50");
		assertThat(item("1250", "jpy").formattedPrice(Locale.US)).isEqualTo("\u00a51,250");
		assertThat(item("12.5", "eur").formattedPrice(Locale.GERMANY)).isEqualTo("12,50\u00a0\u20ac");
	}

	@Test
	void amountsStripeReportsAreFormattedInTheirCurrency() {
		assertThat(Item.formatMinorUnits(1250, "usd", Locale.US)).isEqualTo("$12.50");
		assertThat(Item.formatMinorUnits(1250, "jpy", Locale.US)).isEqualTo("\u00a51,250");
	}

	@Test
	void theCurrencyIsKeptInLowerCaseAsStripeWritesIt() {
		assertThat(item("9", "USD").currency()).isEqualTo("usd");
	}

	@Test
	void noDescriptionIsAnEmptyOne() {
		assertThat(item("9", "usd").description()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "1.234, usd", "12.50, jpy", "1.5, isk", "1.234, kwd" })
	void refusesMoreDecimalsThanTheCurrencyHas(String price, String currency) {
		assertThatIllegalArgumentException().isThrownBy(() -> item(price, currency))
			.withMessageContaining("store.items[id=book]")
			.withMessageContaining("has more decimals than " + currency + " allows");
	}

	@Test
	void acceptsTrailingZeros() {
		assertThatNoException().isThrownBy(() -> item("12.500", "usd"));
		assertThatNoException().isThrownBy(() -> item("1250.00", "jpy"));
	}

	@Test
	void refusesAPriceOverWhatStripeTakesInOnePayment() {
		assertThatNoException().isThrownBy(() -> item("999999.99", "usd"));
		assertThatIllegalArgumentException().isThrownBy(() -> item("1000000", "usd"))
			.withMessageContaining("is more than Stripe takes in one payment");
	}

	@Test
	void refusesACurrencyThatIsNotIso4217() {
		assertThatIllegalArgumentException().isThrownBy(() -> item("9", "xyz"))
			.withMessageContaining("xyz is not an ISO 4217 currency code");
	}

}
