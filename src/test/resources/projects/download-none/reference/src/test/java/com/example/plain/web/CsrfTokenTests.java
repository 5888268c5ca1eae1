package com.example.plain.web;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import com.example.plain.CheckoutJson;
import com.example.plain.FakeStripe;
import com.example.plain.Shopper;
import com.example.plain.StoreTest;
import com.example.plain.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages carry no CSRF token; checkout.js asks /csrf-token for one, and every POST must send it
 * back with the cookie that answer set.
 */
@StoreTest
class CsrfTokenTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	Catalog catalog;

	@LocalServerPort
	int port;

	String checkout;

	@BeforeEach
	void sellTheFirstItem() {
		fakeStripe.answer(stripe);
		checkout = CheckoutJson.order(catalog.firstItem().id());
	}

	@Test
	void theItemPageMakesNoTokenAndSetsNoCookie() {
		HttpResponse<String> page = new Shopper(port).get(Shopper.ITEM_PAGE);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(page.body()).doesNotContainIgnoringCase("csrf");
	}

	@Test
	void theTokenComesWithItsHeaderNameAndAnHttpOnlyCookie() {
		HttpResponse<String> answer = new Shopper(port).get("/csrf-token", "Accept", "application/json");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(Shopper.json(answer).path("headerName").asString()).isEqualTo("X-XSRF-TOKEN");
		assertThat(Shopper.json(answer).path("token").asString()).isNotBlank();
		assertThat(answer.headers().allValues("Set-Cookie"))
			.anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN=") && cookie.contains("HttpOnly"));
		// A token is for one browser: no proxy or browser cache may hand it to another.
		assertThat(answer.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(cacheControl -> assertThat(cacheControl).contains("no-store"));
	}

	@Test
	void aCheckoutWithTheTokenAndItsCookieOpens() {
		Shopper shopper = new Shopper(port);
		shopper.opensTheItemPage();

		assertThat(shopper.post("/checkout", checkout).statusCode()).isEqualTo(200);
	}

	@Test
	void aTokenWithoutItsCookieIsRefused() {
		Shopper stranger = new Shopper(port);
		// The token alone, as a forged request from another site could get it: without the cookie.
		String token = Shopper.json(stranger.get("/csrf-token", "Accept", "application/json")).path("token").asString();

		HttpResponse<String> answer = stranger.send(stranger.request("/checkout", "Accept", "application/json",
				"Content-Type", "application/json", "X-XSRF-TOKEN", token)
			.POST(BodyPublishers.ofString(checkout)));

		assertThat(answer.statusCode()).isEqualTo(403);
		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void anotherBrowsersTokenIsRefused() {
		Shopper shopper = new Shopper(port);
		shopper.opensTheItemPage();
		String someoneElsesToken = Shopper.json(new Shopper(port).get("/csrf-token", "Accept", "application/json"))
			.path("token")
			.asString();

		// The shopper's own cookie, with a token made for another cookie.
		HttpResponse<String> answer = shopper.post("/checkout", checkout, "X-XSRF-TOKEN", someoneElsesToken);

		assertThat(answer.statusCode()).isEqualTo(403);
		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

}
