package com.example.shop.site;

import java.util.List;

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

	private final StoreAddress address;

	SearchEngines(StoreAddress address) {
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
		return List.of("/");
	}

}
