package com.example.plain.site;

import com.example.plain.stripe.StripeProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where buyers reach the store, for every absolute address it writes: the receipt address Stripe
 * sends buyers back to, canonical and link-preview addresses, the sitemap, and every other link
 * that leaves the store. It is {@code store.base-url}; without it, {@code http://localhost:<port>},
 * right on the seller's own machine only. Never the Host or X-Forwarded-* headers of a request, whatever
 * server.forward-headers-strategy says: anyone can send those, and a genuine link built on them
 * would send the buyer to the sender's site.
 */
@Component
public class StoreAddress {

	private static final Logger log = LoggerFactory.getLogger(StoreAddress.class);

	private final String baseUrl;

	// Without store.base-url: localhost and the configured port until the web server listens, then
	// the port it listens on (server.port=0 picks one). Kept, as pages ask for it on every view.
	private volatile String localUrl;

	StoreAddress(StoreAddressProperties properties, StripeProperties stripe, Environment environment) {
		this.baseUrl = properties.baseUrl() != null ? properties.baseUrl().toString() : null;
		this.localUrl = "http://localhost:"
				+ environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		String secretKey = stripe.secretKey();
		if (baseUrl == null && secretKey != null && (secretKey.startsWith("sk_live_") || secretKey.startsWith("rk_live_"))) {
			// Live payments with links to localhost: every buyer would be sent back to their own machine.
			// Spring Boot explains this exception at start-up as it explains its own settings' errors.
			throw new InvalidConfigurationPropertyValueException("store.base-url", null, "it is not set, and live "
					+ "keys need it: set it to the store's public address, such as https://shop.example.com, where "
					+ "Stripe sends buyers back to");
		}
	}

	/** The store's address, without a trailing slash. */
	public String baseUrl() {
		return baseUrl != null ? baseUrl : localUrl;
	}

	/** The absolute address of the page a request asks for, without its query. */
	String pageOf(HttpServletRequest request) {
		return baseUrl() + request.getRequestURI().substring(request.getContextPath().length());
	}

	@EventListener
	void listening(WebServerInitializedEvent event) {
		// The store's own server, not Actuator's when management.server.port gives it one of its own.
		if (!WebServerApplicationContext.hasServerNamespace(event.getApplicationContext(), "management")) {
			this.localUrl = "http://localhost:" + event.getWebServer().getPort();
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void sayWhereLinksPoint() {
		if (baseUrl == null) {
			// INFO, not WARN: right while the store runs on the seller's own machine; live keys need the setting.
			log.info("store.base-url is not set: the links this store writes (where Stripe sends buyers back, "
					+ "link previews, the sitemap...) start with {}, right on this machine only. "
					+ "Set store.base-url to the store's public address.", baseUrl());
		}
	}

}
