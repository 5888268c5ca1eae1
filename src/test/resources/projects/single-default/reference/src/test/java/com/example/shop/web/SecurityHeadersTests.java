package com.example.shop.web;

import java.net.http.HttpResponse;

import com.example.shop.Shopper;
import com.example.shop.StoreTest;
import com.example.shop.StripeStub;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store on a real port with nothing in front of it: its pages carry the security headers,
 * and headers a proxy would set are ignored, since anyone could send them.
 */
// Low limits: a context of its own, shared with ratelimit/PurchaseRateLimitTests, which sets the same.
@StoreTest
@TestPropertySource(properties = { "purchase-limits.per-client.attempts=3", "purchase-limits.per-client.per=10m" })
class SecurityHeadersTests {

	@Autowired
	WireMockServer stripe;

	@LocalServerPort
	int port;

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		HttpResponse<String> page = new Shopper(port).get(Shopper.ITEM_PAGE);

		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'");
	}

	@Test
	void forwardedHeadersAreIgnoredWithoutAProxyConfigured() throws Exception {
		Shopper shopper = new Shopper(port);
		HttpResponse<String> page = shopper.get(Shopper.ITEM_PAGE, "X-Forwarded-Proto", "https");
		HttpResponse<String> token = shopper.get("/csrf-token", "Accept", "application/json", "X-Forwarded-Proto", "https");

		// Plain HTTP stays plain HTTP: no HSTS, and the CSRF cookie is not marked Secure.
		assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(token.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="))
			.noneMatch(cookie -> cookie.contains("Secure"));
	}

	@Test
	void aCardTesterCannotDodgeTheRateLimitByMakingUpXForwardedFor() throws Exception {
		StripeStub.willDecline(stripe);
		Shopper tester = new Shopper(port);
		tester.opensTheItemPage();
		String purchase = "{\"confirmationTokenId\": \"ctoken_1Spoof\", \"itemId\": \"item\"}";

		assertThat(tester.post("/purchase", purchase, "X-Forwarded-For", "203.0.113.1").statusCode()).isEqualTo(402);
		assertThat(tester.post("/purchase", purchase, "X-Forwarded-For", "203.0.113.2").statusCode()).isEqualTo(402);
		assertThat(tester.post("/purchase", purchase, "X-Forwarded-For", "203.0.113.3").statusCode()).isEqualTo(402);
		assertThat(tester.post("/purchase", purchase, "X-Forwarded-For", "203.0.113.4").statusCode()).isEqualTo(429);
	}

}
