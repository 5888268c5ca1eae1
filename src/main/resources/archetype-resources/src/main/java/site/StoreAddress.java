package ${package}.site;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where buyers reach the store ({@code store.base-url}), for every absolute address it writes:
 * the receipt address Stripe sends buyers back to (and which e-mails link to), canonical and link
 * preview addresses, the sitemap. Left out, the store uses the address each request came to, which
 * behind a proxy is only right when the proxy passes the host on (see SECURITY.md).
 *
 * @param baseUrl The store's public address, such as https://shop.example.com, for the absolute
 * links it writes: where Stripe sends buyers back to, the links in e-mails, link previews and the
 * sitemap.
 */
@ConfigurationProperties("store")
public record StoreAddress(URI baseUrl) {

	public StoreAddress {
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

	/** The store's address without a trailing slash: store.base-url, or the current request's. */
	public String current() {
		return baseUrl != null ? baseUrl.toString() : ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
	}

	/** The absolute address of the page a request asks for, without its query. */
	String pageOf(HttpServletRequest request) {
		return current() + request.getRequestURI().substring(request.getContextPath().length());
	}

}
