package com.example.posters.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the store sells, bound from {@code store.*} in application.yml.
 * Edit the items there; this class only checks them and finds them.
 * {@code id} tells this store's payments apart from the rest of the Stripe account's;
 * {@code maxQuantity} is how many of one item a shopper may buy at once.
 */
@ConfigurationProperties("store")
public record Catalog(@DefaultValue("store") String id, @DefaultValue("My Store") String name, List<Item> items,
		@DefaultValue("en-US") Locale locale, @DefaultValue("1") int maxQuantity) {

	public Catalog {
		if (id == null || !id.matches("[A-Za-z0-9._-]{1,100}")) {
			throw new IllegalArgumentException("store.id must be 1 to 100 letters, digits, dots, dashes or underscores");
		}
		if (maxQuantity < 1 || maxQuantity > 1000) {
			throw new IllegalArgumentException("store.max-quantity must be from 1 to 1000, not " + maxQuantity);
		}
		if (items == null || items.isEmpty()) {
			throw new IllegalArgumentException("store.items must list at least one item");
		}
		var ids = new HashSet<String>();
		for (Item item : items) {
			if (!ids.add(item.id())) {
				throw new IllegalArgumentException("store.items: the id '" + item.id() + "' is used twice");
			}
		}
		items = List.copyOf(items);
	}

	public Optional<Item> find(String id) {
		return items.stream().filter(item -> item.id().equals(id)).findFirst();
	}

	/** The item the store shows on its home page. */
	public Item firstItem() {
		return items.get(0);
	}

}
