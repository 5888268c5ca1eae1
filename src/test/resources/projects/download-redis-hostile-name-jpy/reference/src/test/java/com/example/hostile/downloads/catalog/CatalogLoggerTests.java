package com.example.hostile.downloads.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.example.hostile.downloads.QuietOutputCaptureExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** What the seller reads at start-up: the items on sale, and what the archetype left for them to write. */
@ExtendWith(QuietOutputCaptureExtension.class)
class CatalogLoggerTests {

	static Item item(String id, String description) {
		return new Item(id, "Book", description, new BigDecimal("12.50"), "usd", null, null);
	}

	static Item itemWithImage(String image) {
		return new Item("poster", "Poster", "A poster", new BigDecimal("12.50"), "usd", image, "A moth on a birch trunk");
	}

	static void started(Catalog catalog) {
		new CatalogLogger(catalog, new WebProperties(), new DefaultResourceLoader()).logCatalog();
	}

	@Test
	void whatIsLeftToWriteIsSaidInTheLogNotOnThePage(CapturedOutput output) {
		started(new Catalog("store", "My Store", List.of(item("book", ""), item("example-poster", "A poster")), Locale.US, 1));

		assertThat(output.getOut()).contains("Selling Book at $12.50 (id book)",
				"store.name is still 'My Store'", "Item book has no description",
				"Item example-poster is one of the archetype's examples");
	}

	@Test
	void aStoreItsSellerHasWrittenGetsNoReminders(CapturedOutput output) {
		started(new Catalog("store", "Moth Books", List.of(item("book", "A field guide")), Locale.US, 1));

		assertThat(output.getOut()).contains("Selling Book").doesNotContain("still 'My Store'", "no description",
				"archetype's examples");
	}

	@Test
	void anImageWithNoFileUnderStaticIsAWarningAtStartUp(CapturedOutput output) {
		started(new Catalog("store", "Moth Books", List.of(itemWithImage("/images/poster.jpg")), Locale.US, 1));

		assertThat(output.getOut()).contains("WARN", "Item poster has image /images/poster.jpg, but there is no such "
				+ "file under src/main/resources/static/: its pages show a broken picture");
	}

	@Test
	void anImageThatIsThereOrOnTheWebIsNoWarning(CapturedOutput output) {
		started(new Catalog("store", "Moth Books", List.of(itemWithImage("/images/placeholder.svg")), Locale.US, 1));
		started(new Catalog("store", "Moth Books", List.of(itemWithImage("https://cdn.example.com/poster.jpg")),
				Locale.US, 1));

		assertThat(output.getOut()).contains("Selling Poster").doesNotContain("broken picture");
	}

}
