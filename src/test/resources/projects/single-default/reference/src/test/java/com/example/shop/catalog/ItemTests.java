package com.example.shop.catalog;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ItemTests {

	static Item item(String price, String currency) {
		return new Item("book", "Book", null, new BigDecimal(price), currency);
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
	void refusesPricesThatCannotBeCharged() {
		assertThatIllegalArgumentException().isThrownBy(() -> item("1.234", "usd")).withMessageContaining("decimals");
		assertThatIllegalArgumentException().isThrownBy(() -> item("12.50", "jpy")).withMessageContaining("decimals");
		assertThatIllegalArgumentException().isThrownBy(() -> item("0", "usd")).withMessageContaining("greater than zero");
		assertThatIllegalArgumentException().isThrownBy(() -> item("9", "dollars")).withMessageContaining("currency");
	}

}
