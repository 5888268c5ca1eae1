package com.example.hostile.downloads.site;

import java.util.List;
import java.util.stream.Stream;

import com.example.hostile.downloads.catalog.CatalogPages;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /robots.txt} and {@code /sitemap.xml}: search engines may read the store's pages and are
 * told where its items are, but stay out of what belongs to one buyer each: the checkout, the
 * receipts, and what features add ({@link KeptFromSearchEngines}).
 */
@RestController
class SearchEngines {

	private static final List<String> KEPT_OUT = List.of("/receipt/", "/checkout");

	private final CatalogPages pages;

	private final StoreAddress address;

	private final List<KeptFromSearchEngines> keptOutByFeatures;

	SearchEngines(CatalogPages pages, StoreAddress address, List<KeptFromSearchEngines> keptOutByFeatures) {
		this.pages = pages;
		this.address = address;
		this.keptOutByFeatures = keptOutByFeatures;
	}

	@GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	String robots() {
		StringBuilder robots = new StringBuilder("User-agent: *\n");
		Stream.concat(KEPT_OUT.stream(), keptOutByFeatures.stream().map(KeptFromSearchEngines::path))
			.forEach(path -> robots.append("Disallow: ").append(path).append('\n'));
		return robots.append("Sitemap: ").append(address.baseUrl()).append("/sitemap.xml\n").toString();
	}

	@GetMapping(path = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
	String sitemap() {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		for (String path : pages.paths()) {
			xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(address.baseUrl() + path)).append("</loc></url>\n");
		}
		return xml.append("</urlset>\n").toString();
	}

}
