package com.example.shop.catalog;

import java.util.Map;

/**
 * What another part of the store adds to an item's page from the item and the page's address
 * alone, such as the item's description for search engines: worked out on the page's first view
 * (when the store knows its address) and kept, rather than on every view.
 */
public interface ItemPageData {

	/** The model values for the page at {@code path} (such as {@code "/"}) showing the item, by name. */
	Map<String, Object> of(Item item, String path);

}
