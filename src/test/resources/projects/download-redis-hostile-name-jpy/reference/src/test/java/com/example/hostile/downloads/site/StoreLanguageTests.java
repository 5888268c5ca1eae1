package com.example.hostile.downloads.site;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.example.hostile.downloads.Messages;
import com.example.hostile.downloads.QuietOutputCaptureExtension;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A store.locale whose language has no bundle is told about at start-up, and gets English. */
@ExtendWith(QuietOutputCaptureExtension.class)
class StoreLanguageTests {

	final ResourceBundleMessageSource bundles = Messages.bundles();

	Catalog storeIn(Locale locale) {
		Item item = new Item("item", "Poster", "", new BigDecimal("12.50"), "eur", null, null);
		return new Catalog("test-store", "Shop", List.of(item), locale, 1);
	}

	@Test
	void aLanguageWithoutABundleIsLoggedAndGetsEnglish(CapturedOutput output) {
		var messages = new StoreLanguage().storeMessages(bundles, storeIn(Locale.FRANCE));

		assertThat(output).contains("store.locale is fr-FR, but there is no messages_fr.properties");
		assertThat(messages.getMessage("receipt.thanks")).isEqualTo("Thank you!");
	}

	@Test
	void germanHasItsBundle(CapturedOutput output) {
		var messages = new StoreLanguage().storeMessages(bundles, storeIn(Locale.GERMANY));

		assertThat(output).doesNotContain("store.locale");
		assertThat(messages.getMessage("receipt.thanks")).isEqualTo("Vielen Dank!");
	}

}
