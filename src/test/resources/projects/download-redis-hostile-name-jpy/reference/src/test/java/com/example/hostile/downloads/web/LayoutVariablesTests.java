package com.example.hostile.downloads.web;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Stripe's payment form is given the store's language in the form Stripe.js takes it. */
class LayoutVariablesTests {

	@ParameterizedTest
	@CsvSource({ "en-US, en", "de-DE, de", "fr-FR, fr", "fr-CA, fr-CA", "pt-BR, pt-BR", "en-GB, en-GB", "ja-JP, ja" })
	void stripeGetsTheLanguageAndOnlyTheRegionsItHasApart(String storeLocale, String stripeLocale) {
		assertThat(LayoutVariables.stripeLocale(Locale.forLanguageTag(storeLocale))).isEqualTo(stripeLocale);
	}

}
