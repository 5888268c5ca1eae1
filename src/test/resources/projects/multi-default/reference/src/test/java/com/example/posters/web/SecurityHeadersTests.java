package com.example.posters.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.example.posters.CheckoutJson;
import com.example.posters.FakeStripe;
import com.example.posters.Shopper;
import com.example.posters.StoreTest;
import com.example.posters.TestRateLimits;
import com.example.posters.catalog.Catalog;
import com.example.posters.ratelimit.Buckets;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store on a real port with nothing in front of it: its pages carry the security headers, the
 * Content-Security-Policy lets Stripe.js work and little else, and headers a proxy would set are
 * ignored, since anyone could send them.
 */
@StoreTest
class SecurityHeadersTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	Catalog catalog;

	@Autowired
	Buckets buckets;

	@LocalServerPort
	int port;

	/** The policy's directives, each with its sources. */
	static Map<String, List<String>> directives(String policy) {
		return Arrays.stream(policy.split(";"))
			.map(String::trim)
			.map(directive -> directive.split("\\s+"))
			.collect(Collectors.toMap(parts -> parts[0], parts -> List.of(parts).subList(1, parts.length)));
	}

	@Test
	void pagesAndErrorPagesCarryTheSecurityHeaders() {
		Shopper shopper = new Shopper(port);
		for (HttpResponse<String> page : List.of(shopper.get(Shopper.ITEM_PAGE), shopper.get("/no-such-page"))) {
			assertThat(page.headers().firstValue("Content-Security-Policy"))
				.hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
			assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
			assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		}
	}

	@Test
	void thePolicyLetsStripeJsLoadFrameAndTalkToStripe() {
		// What Stripe's guide lists for Stripe.js, the Express Checkout and the Payment Element
		// (docs.stripe.com/security/guide#content-security-policy).
		Map<String, List<String>> policy = directives(SecurityConfiguration.CONTENT_SECURITY_POLICY);

		assertThat(policy.get("script-src")).contains("'self'", "https://js.stripe.com", "https://*.js.stripe.com");
		assertThat(policy.get("frame-src")).contains("https://js.stripe.com", "https://*.js.stripe.com",
				"https://hooks.stripe.com");
		assertThat(policy.get("connect-src")).contains("'self'", "https://api.stripe.com");
	}

	@Test
	void withoutTheAddressElementGoogleMapsStaysOut() {
		// Only the Address Element (checkout.automatic-tax, off here) needs it: see AddressElementPolicyTests.
		String header = new Shopper(port).get(Shopper.ITEM_PAGE).headers().firstValue("Content-Security-Policy").orElseThrow();

		assertThat(header).doesNotContain("maps.googleapis.com");
	}

	@Test
	void thePolicyAllowsNothingElseThatCouldRunAScript() {
		Map<String, List<String>> policy = directives(SecurityConfiguration.CONTENT_SECURITY_POLICY);

		assertThat(policy.get("default-src")).containsExactly("'self'");
		assertThat(policy.get("object-src")).containsExactly("'none'");
		assertThat(policy.get("frame-ancestors")).containsExactly("'none'");
		assertThat(policy.get("base-uri")).containsExactly("'self'");
		assertThat(policy.values()).allSatisfy(sources -> assertThat(sources).doesNotContain("'unsafe-inline'",
				"'unsafe-eval'", "*", "https:", "http:"));
		assertThat(policy.get("script-src")).doesNotContain("data:", "blob:");
	}

	@Test
	void forwardedHeadersAreIgnoredWithoutAProxyConfigured() {
		Shopper shopper = new Shopper(port);
		HttpResponse<String> page = shopper.get(Shopper.ITEM_PAGE, "X-Forwarded-Proto", "https");
		HttpResponse<String> token = shopper.get("/csrf-token", "Accept", "application/json", "X-Forwarded-Proto", "https");

		// Plain HTTP stays plain HTTP: no HSTS, and the CSRF cookie is not marked Secure.
		assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(token.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="))
			.noneMatch(cookie -> cookie.contains("Secure"));
	}

	@Test
	void aCardTesterCannotDodgeTheRateLimitByMakingUpXForwardedFor() {
		fakeStripe.answer(stripe);
		TestRateLimits.set(buckets, TestRateLimits.CHECKOUT_PER_CLIENT, 3, Duration.ofMinutes(10));
		Shopper tester = new Shopper(port);
		tester.opensTheItemPage();
		String checkout = CheckoutJson.order(catalog.firstItem().id());

		// Each attempt from a made-up address: were the header believed, each would get a limit of its own.
		List<Integer> statuses = IntStream.rangeClosed(1, 5)
			.mapToObj(n -> tester.post("/checkout", checkout, "X-Forwarded-For", "203.0.113." + n).statusCode())
			.toList();

		// Three from 127.0.0.1, the address that counts, then refused.
		assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
	}

}
