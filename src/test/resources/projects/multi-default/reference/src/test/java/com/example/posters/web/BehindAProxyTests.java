package com.example.posters.web;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.example.posters.CheckoutJson;
import com.example.posters.FakeStripe;
import com.example.posters.SellersOwnSettings;
import com.example.posters.Shopper;
import com.example.posters.TestRateLimits;
import com.example.posters.catalog.Catalog;
import com.example.posters.ratelimit.Buckets;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store behind a proxy that terminates TLS, configured as application.yml describes
 * (server.forward-headers-strategy: native). The test plays the proxy: it connects from
 * 127.0.0.1, a private address the store trusts to set X-Forwarded-For and X-Forwarded-Proto.
 * No header chooses the host of a link the store sends, though: that is store.base-url, or
 * localhost without it. The setting is one of {@link SellersOwnSettings}, whose store these tests share.
 */
@SellersOwnSettings
class BehindAProxyTests {

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

	@Test
	void httpsAtTheProxyTurnsOnHstsAndSecureCookies() {
		Shopper shopper = new Shopper(port);
		HttpResponse<String> page = shopper.get(Shopper.ITEM_PAGE, "X-Forwarded-Proto", "https");
		HttpResponse<String> token = shopper.get("/csrf-token", "Accept", "application/json", "X-Forwarded-Proto", "https");

		assertThat(page.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
		assertThat(token.headers().allValues("Set-Cookie"))
			.anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN=") && cookie.contains("Secure"));
	}

	@Test
	void noForwardedHeaderChoosesTheReceiptAddress() {
		fakeStripe.answer(stripe);
		Shopper shopper = new Shopper(port);
		shopper.opensTheItemPage();

		// What a client could send through a proxy that passes the headers on.
		HttpResponse<String> answer = shopper.post("/checkout", checkout(), "X-Forwarded-For", "198.51.100.9",
				"X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.test", "X-Forwarded-Port", "666");

		assertThat(answer.statusCode()).isEqualTo(200);
		stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
			.withFormParam("return_url", equalTo("http://localhost:" + port + "/receipt/{CHECKOUT_SESSION_ID}")));
	}

	@Test
	void eachClientBehindTheProxyHasItsOwnRateLimit() {
		fakeStripe.answer(stripe);
		TestRateLimits.set(buckets, TestRateLimits.CHECKOUT_PER_CLIENT, 2, Duration.ofMinutes(10));
		Shopper proxy = new Shopper(port);
		proxy.opensTheItemPage();

		for (String client : new String[] { "198.51.100.1", "198.51.100.2" }) {
			assertThat(proxy.post("/checkout", checkout(), "X-Forwarded-For", client).statusCode()).isEqualTo(200);
			assertThat(proxy.post("/checkout", checkout(), "X-Forwarded-For", client).statusCode()).isEqualTo(200);
		}

		assertThat(proxy.post("/checkout", checkout(), "X-Forwarded-For", "198.51.100.1").statusCode()).isEqualTo(429);
		// A client cannot hide behind an address it prepends itself: the proxy's entry counts.
		assertThat(proxy.post("/checkout", checkout(), "X-Forwarded-For", "203.0.113.50, 198.51.100.2").statusCode())
			.isEqualTo(429);
	}

	String checkout() {
		return CheckoutJson.order(catalog.firstItem().id());
	}

}
