package com.example.shop.web;

import java.net.URI;
import java.util.stream.Collectors;

import com.example.shop.catalog.Catalog;
import com.example.shop.catalog.Item;
import com.example.shop.checkout.CheckoutProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The store has no logins. Spring Security is here for CSRF protection and security headers, at its
 * defaults otherwise: a login added later (an admin page, say) works as Spring Security's guides say.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Exactly what Stripe's guide (docs.stripe.com/security/guide#content-security-policy) lists for
	 * Stripe.js and the Elements checkout.js mounts, the Express Checkout Element (its wallets run in
	 * Stripe's frames) and the Payment Element, and nothing else from outside this site.
	 */
	static final String CONTENT_SECURITY_POLICY = String.join("; ",
			"default-src 'self'",
			"script-src 'self' https://js.stripe.com https://*.js.stripe.com",
			"frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com",
			"connect-src 'self' https://api.stripe.com",
			"img-src 'self' data: https://*.stripe.com",
			"object-src 'none'",
			"base-uri 'self'",
			"form-action 'self'",
			"frame-ancestors 'none'");

	/**
	 * Where the Address Element's address autocomplete loads from and talks to (Google Maps), which
	 * Stripe's guide lists too. Allowed only in a store that mounts that Element (checkout.automatic-tax):
	 * the Maps API answers JSONP, which an injected script could use where script-src allows it.
	 */
	static final String ADDRESS_AUTOCOMPLETE = "https://maps.googleapis.com";

	/**
	 * The policy for this store: the Address Element's autocomplete where it is mounted, item images
	 * on other https sites (a CDN, say) from exactly those sites, and nothing else.
	 */
	static String contentSecurityPolicy(Catalog catalog, CheckoutProperties checkout) {
		String policy = CONTENT_SECURITY_POLICY;
		if (checkout.automaticTax()) {
			policy = policy.replace("script-src 'self' https://js.stripe.com https://*.js.stripe.com",
					"script-src 'self' https://js.stripe.com https://*.js.stripe.com " + ADDRESS_AUTOCOMPLETE)
				.replace("connect-src 'self' https://api.stripe.com",
						"connect-src 'self' https://api.stripe.com " + ADDRESS_AUTOCOMPLETE);
		}
		String imageSites = catalog.items()
			.stream()
			.map(Item::image)
			.filter(image -> image != null && image.startsWith("https://"))
			.map(image -> URI.create(image).resolve("/").toString().replaceAll("/$", ""))
			.distinct()
			.map(site -> " " + site)
			.collect(Collectors.joining());
		return policy.replace("img-src 'self' data: https://*.stripe.com",
				"img-src 'self' data: https://*.stripe.com" + imageSites);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Catalog catalog, CheckoutProperties checkout) {
		// The CSRF token lives in a cookie and no HTTP session is made, so the store keeps no
		// state and any number of instances can serve the same shopper.
		http.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
			// Stripe cannot send a CSRF token; the webhook checks Stripe's signature instead. Features
			// add paths of their own with a Customizer<HttpSecurity> bean, which Spring Security applies.
			.ignoringRequestMatchers("/stripe/webhook"))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(catalog, checkout)))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

}
