package com.example.plain.catalog;

import java.util.Map;

/**
 * What another part of the store adds to an item's page without this package knowing it: a
 * template in the checkout form (a box to tick, a note), values for the page (the item's
 * description for search engines), or both.
 */
public interface ItemPageAddition {

	/**
	 * The template item.ftlh includes in the checkout form, before the Buy button, under templates/
	 * (such as {@code "myfeature/item.ftlh"}); null for none.
	 */
	default String template() {
		return null;
	}

	/**
	 * The model values, by name, for the page at {@code path} (such as {@code "/"}) showing the item:
	 * worked out on the page's first view (when the store knows its address) and kept, not on every view.
	 */
	default Map<String, Object> values(Item item, String path) {
		return Map.of();
	}

}
