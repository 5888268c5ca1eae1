package com.example.plain.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.example.plain.QuietOutputCaptureExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A mistake in what application.yml says the store sells stops it from starting, before a shopper
 * could see it, and Spring Boot's report names the property and what is wrong with it. Only the
 * catalog is started, from these properties alone (no application.yml), so each case takes
 * milliseconds.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class CatalogSettingsTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(Catalog.class)
	static class CatalogOnly {
	}

	/** A catalog that starts: one item, bought one at a time. */
	static final Map<String, String> VALID = Map.of("store.id", "my-store", "store.items[0].id", "book",
			"store.items[0].name", "Book", "store.items[0].price", "12.50", "store.items[0].currency", "usd");

	/** The valid catalog with some properties changed: "key=value". */
	static List<String> validWith(String... changes) {
		Map<String, String> properties = new LinkedHashMap<>(VALID);
		for (String change : changes) {
			String[] keyAndValue = change.split("=", 2);
			properties.put(keyAndValue[0], keyAndValue[1]);
		}
		return properties.entrySet().stream().map(property -> property.getKey() + "=" + property.getValue()).toList();
	}

	static ConfigurableApplicationContext start(List<String> properties) {
		SpringApplication catalogOnly = new SpringApplication(CatalogOnly.class);
		catalogOnly.setWebApplicationType(WebApplicationType.NONE);
		catalogOnly.setBannerMode(Banner.Mode.OFF);
		catalogOnly.setLogStartupInfo(false);
		List<String> args = new ArrayList<>(List.of("--spring.config.name=none-for-this-test"));
		properties.forEach(property -> args.add("--" + property));
		return catalogOnly.run(args.toArray(String[]::new));
	}

	static Stream<Arguments> mistakes() {
		return Stream.of(
				Arguments.of("no items", List.of("store.id=my-store"), "Property: store.items",
						"must list at least one item"),
				Arguments.of("one id for two items", validWith("store.items[1].id=book", "store.items[1].name=Other",
						"store.items[1].price=5", "store.items[1].currency=usd"), "store.items", "the id 'book' is used twice"),
				Arguments.of("an id in capitals", validWith("store.items[0].id=Book"), "Property: store.items[0].id",
						"must be lower-case letters, digits and dashes"),
				Arguments.of("a price of 0", validWith("store.items[0].price=0"), "Property: store.items[0].price",
						"must be greater than 0"),
				Arguments.of("more decimals than the currency has", validWith("store.items[0].price=12.505"),
						"store.items[0]", "price 12.505 has more decimals than usd allows"),
				Arguments.of("a four-letter currency", validWith("store.items[0].currency=usdx"),
						"Property: store.items[0].currency", "must be a 3-letter ISO 4217 code"),
				Arguments.of("a currency ISO 4217 does not have", validWith("store.items[0].currency=abc"),
						"store.items[0]", "abc is not an ISO 4217 currency code"),
				Arguments.of("a maximum quantity of 0", validWith("store.max-quantity=0"), "store.max-quantity",
						"must be greater than or equal to 1"),
				Arguments.of("a maximum quantity of 1001", validWith("store.max-quantity=1001"), "store.max-quantity",
						"must be less than or equal to 1000"),
				Arguments.of("a store id with a space", validWith("store.id=my store"), "Property: store.id",
						"must be 1 to 100 letters, digits, dots, dashes or underscores"),
				Arguments.of("an image on plain http", validWith("store.items[0].image=http://cdn.example.com/book.jpg",
						"store.items[0].image-alt=The cover"), "Property: store.items[0].image",
						"must be a path under static/, such as /images/poster.jpg, or an https:// address"),
				Arguments.of("an image path without its slash", validWith("store.items[0].image=images/book.jpg",
						"store.items[0].image-alt=The cover"), "Property: store.items[0].image",
						"must be a path under static/"),
				Arguments.of("an image that says nothing of itself", validWith("store.items[0].image=/images/book.jpg"),
						"store.items[0]", "image-alt must say what the image shows, for shoppers who cannot see it"),
				Arguments.of("an image address that is not one", validWith("store.items[0].image=https://cdn.example.com/a{b}.jpg",
						"store.items[0].image-alt=The cover"), "store.items[0]", "is not a web address"));
	}

	@Test
	void anItemMayHaveAnImageWithWhatItShows() {
		try (ConfigurableApplicationContext store = start(validWith("store.items[0].image=/images/book.jpg",
				"store.items[0].image-alt=The cover: a moth on bark"))) {
			Item book = store.getBean(Catalog.class).firstItem();

			assertThat(book.image()).isEqualTo("/images/book.jpg");
			assertThat(book.imageAlt()).isEqualTo("The cover: a moth on bark");
		}
	}

	@Test
	void aValidCatalogStarts() {
		try (ConfigurableApplicationContext store = start(validWith("store.max-quantity=1000"))) {
			Catalog catalog = store.getBean(Catalog.class);

			assertThat(catalog.items()).extracting(Item::id).containsExactly("book");
			assertThat(catalog.maxQuantity()).isEqualTo(1000);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mistakes")
	void aMistakeStopsTheStoreWithAReportNamingTheProperty(String mistake, List<String> properties, String property,
			String reason, CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(properties).close());

		assertThat(output.getOut()).contains("APPLICATION FAILED TO START");
		String report = output.getOut().substring(output.getOut().indexOf("APPLICATION FAILED TO START"));
		assertThat(report).contains(property, reason);
	}

}
