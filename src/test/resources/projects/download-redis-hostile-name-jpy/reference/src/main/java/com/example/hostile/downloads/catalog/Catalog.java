package com.example.hostile.downloads.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the store sells, bound from {@code store.*} in application.yml and checked at start-up.
 * Edit the items there; this class only finds them.
 *
 * @param id Written into every payment this store creates at Stripe, so that it fulfils only its
 * own and ignores the rest of the account's payments. Give each store on one Stripe account its own
 * id, and keep it once the store has taken payments: 1 to 100 letters, digits, dots, dashes or
 * underscores.
 * @param name The store's name, on every page and wherever the store names itself.
 * @param items What the store sells: each item's id, name, description, price (in major units,
 * 12.50), currency (ISO 4217, such as USD), and optionally an image with its alternative text.
 * @param locale The store's language and how it writes prices (en-US: $1,234.50; de-DE: 1.234,50 $).
 * Every word shoppers read comes from messages.properties, or messages_de.properties for de-DE.
 * @param maxQuantity How many of one item a shopper may buy at once, from 1 to 1000.
 */
@ConfigurationProperties("store")
@Validated
public record Catalog(
		@DefaultValue("store") @Pattern(regexp = "[A-Za-z0-9._-]{1,100}",
				message = "must be 1 to 100 letters, digits, dots, dashes or underscores") String id,
		@DefaultValue("My Store") String name,
		@NotEmpty(message = "must list at least one item") List<@Valid Item> items,
		@DefaultValue("en-US") Locale locale,
		@DefaultValue("1") @Min(1) @Max(1000) int maxQuantity) {

	public Catalog {
		items = items == null ? List.of() : List.copyOf(items);
		var ids = new HashSet<String>();
		for (Item item : items) {
			if (item.id() != null && !ids.add(item.id())) {
				throw new IllegalArgumentException("store.items: the id '" + item.id() + "' is used twice");
			}
		}
	}

	public Optional<Item> find(String id) {
		return items.stream().filter(item -> item.id().equals(id)).findFirst();
	}

	/** The item the store shows on its home page. */
	public Item firstItem() {
		return items.get(0);
	}

}
