package com.example.shop.web;

import java.net.URI;
import java.util.stream.Collectors;

import com.example.shop.catalog.Catalog;
import com.example.shop.catalog.Item;

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
	 * Exactly what stripe.js and the Payment Element need (Stripe's "Content Security Policy"
	 * guide), and nothing else from outside this site.
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
	 * The policy for this catalog: item images on other https sites (a CDN, say) are allowed from
	 * exactly those sites, and nothing else is.
	 */
	static String contentSecurityPolicy(Catalog catalog) {
		String imageSites = catalog.items()
			.stream()
			.map(Item::image)
			.filter(image -> image != null && image.startsWith("https://"))
			.map(image -> URI.create(image).resolve("/").toString().replaceAll("/$", ""))
			.distinct()
			.map(site -> " " + site)
			.collect(Collectors.joining());
		return CONTENT_SECURITY_POLICY.replace("img-src 'self' data: https://*.stripe.com",
				"img-src 'self' data: https://*.stripe.com" + imageSites);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Catalog catalog) {
		// The CSRF token lives in a cookie and no HTTP session is made, so the store keeps no
		// state and any number of instances can serve the same shopper.
		http.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
			// Stripe cannot send a CSRF token; the webhook checks Stripe's signature instead.
			.ignoringRequestMatchers("/stripe/webhook"))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(catalog)))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

}
