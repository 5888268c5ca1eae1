package ${package}.site;

#if( $variant == 'multi' )
import java.util.ArrayList;
#end
import java.util.List;
#if( $variant == 'multi' )

import ${package}.catalog.Catalog;
import ${package}.catalog.Item;
#end

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /robots.txt} and {@code /sitemap.xml}: search engines may read the store's pages and are
 * told where its items are, but stay out of what belongs to one buyer each: the checkout, the
 * receipts#if( $variant == 'download' ) and the downloads#end.
 */
@RestController
class SearchEngines {

#if( $variant == 'multi' )
	private final Catalog catalog;

#end
	private final StoreAddress address;

	SearchEngines(#if( $variant == 'multi' )Catalog catalog, #{end}StoreAddress address) {
#if( $variant == 'multi' )
		this.catalog = catalog;
#end
		this.address = address;
	}

	@GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	String robots() {
		return String.join("\n", "User-agent: *", "Disallow: /receipt/", "Disallow: /checkout",
#if( $variant == 'download' )
				"Disallow: /download/",
#end
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
#if( $variant == 'multi' )
		List<String> pages = new ArrayList<>(List.of("/"));
		for (Item item : catalog.items()) {
			pages.add("/items/" + item.id());
		}
		return pages;
#else
		return List.of("/");
#end
	}

}
