package com.example.shop.site;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code store.base-url}: the store's public address, such as {@code https://shop.example.com}.
 * Checked at start-up: a wrong one would send every buyer to the wrong place.
 *
 * @param baseUrl The store's public address, such as https://shop.example.com, for the absolute
 * links it writes: where Stripe sends buyers back to, link previews, the sitemap and every other
 * link that leaves the store. Without it they start with http://localhost and the store's port.
 */
@ConfigurationProperties("store")
public record StoreAddressProperties(URI baseUrl) {

	public StoreAddressProperties {
		if (baseUrl != null) {
			boolean web = "https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme());
			if (!web || baseUrl.getHost() == null || baseUrl.getQuery() != null || baseUrl.getFragment() != null
					|| baseUrl.getUserInfo() != null) {
				throw new IllegalArgumentException("store.base-url must be the store's address, such as "
						+ "https://shop.example.com, with no query, fragment or user; it is " + baseUrl);
			}
			String address = baseUrl.toString();
			baseUrl = URI.create(address.endsWith("/") ? address.substring(0, address.length() - 1) : address);
		}
	}

}
