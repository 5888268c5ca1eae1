package com.example.posters.site;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.example.posters.catalog.Item;
import com.example.posters.catalog.ItemPageAddition;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The item page's schema.org Product and Offer, as JSON-LD ({@code productJsonLd}), so that search
 * engines show the name, price and availability. Written by Jackson, with {@code <}, {@code >} and
 * {@code &} escaped, so that no item name can end the script element it sits in. Written once per
 * item page, which keeps it (catalog/ItemPage), rather than on every view.
 */
@Component
class ProductData implements ItemPageAddition {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final StoreAddress address;

	ProductData(StoreAddress address) {
		this.address = address;
	}

	@Override
	public Map<String, Object> values(Item item, String path) {
		return Map.of("productJsonLd", jsonLd(item, address.baseUrl() + path));
	}

	String jsonLd(Item item, String url) {
		Map<String, Object> offer = new LinkedHashMap<>();
		offer.put("@type", "Offer");
		offer.put("price", item.price().toPlainString());
		offer.put("priceCurrency", item.currency().toUpperCase(Locale.ROOT));
		offer.put("availability", "https://schema.org/InStock");
		offer.put("url", url);
		Map<String, Object> product = new LinkedHashMap<>();
		product.put("@context", "https://schema.org");
		product.put("@type", "Product");
		product.put("name", item.name());
		if (!item.description().isBlank()) {
			product.put("description", item.description());
		}
		if (item.image() != null) {
			product.put("image", item.image().startsWith("/") ? address.baseUrl() + item.image() : item.image());
		}
		product.put("offers", offer);
		// Inside strings only, so the JSON means the same; outside, "</script>" can no longer close the element.
		return json.writeValueAsString(product).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

}
