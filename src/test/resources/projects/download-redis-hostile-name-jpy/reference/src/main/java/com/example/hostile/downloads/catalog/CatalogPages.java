package com.example.hostile.downloads.catalog;

import java.util.List;

/**
 * The pages a shopper can land on from a search: the item's, or the catalog's and each item's.
 * The controller that shows them lists them, for the sitemap (site/SearchEngines).
 */
public interface CatalogPages {

	/** Their paths on this store, such as {@code "/"}. */
	List<String> paths();

}
