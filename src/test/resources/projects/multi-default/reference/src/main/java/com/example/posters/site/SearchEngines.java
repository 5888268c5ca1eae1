package com.example.posters.site;

import java.util.ArrayList;
import java.util.List;

import com.example.posters.catalog.Catalog;
import com.example.posters.catalog.Item;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /robots.txt} and {@code /sitemap.xml}: search engines may read the store's pages and are
 * told where its items are, but stay out of what belongs to one buyer each: the checkout, the
 * receipts.
 */
@RestController
class SearchEngines {

	private final Catalog catalog;

	private final StoreAddress address;

	SearchEngines(Catalog catalog, StoreAddress address) {
		this.catalog = catalog;
		this.address = address;
	}

	@GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	String robots() {
		return String.join("\n", "User-agent: *", "Disallow: /receipt/", "Disallow: /checkout",
				"Sitemap: " + address.baseUrl() + "/sitemap.xml", "");
	}

	@GetMapping(path = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
	String sitemap() {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		for (String path : pages()) {
			xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(address.baseUrl() + path)).append("</loc></url>\n");
		}
		return xml.append("</urlset>\n").toString();
	}

	/** Every page a shopper can land on. */
	private List<String> pages() {
		List<String> pages = new ArrayList<>(List.of("/"));
		for (Item item : catalog.items()) {
			pages.add("/items/" + item.id());
		}
		return pages;
	}

}
