package com.example.posters.web;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import com.example.posters.Shopper;
import com.example.posters.StoreTest;
import com.example.posters.StripeStub;
import com.github.tomakehurst.wiremock.WireMockServer;
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

	static final String PURCHASE = "{\"confirmationTokenId\": \"ctoken_1Csrf\", \"itemId\": \"item\"}";

	@Autowired
	WireMockServer stripe;

	@LocalServerPort
	int port;

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
		assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(
				cacheControl -> assertThat(cacheControl).contains("no-store"));
	}

	@Test
	void aPurchaseWithTheTokenReachesTheStore() {
		StripeStub.willDecline(stripe);
		Shopper shopper = new Shopper(port);
		shopper.opensTheItemPage();

		// Declined by Stripe's stand-in: the CSRF check let the purchase through.
		assertThat(shopper.post("/purchase", PURCHASE).statusCode()).isEqualTo(402);
	}

	@Test
	void aTokenWithoutItsCookieIsRefused() {
		Shopper stranger = new Shopper(port);
		// The token alone, as a forged request from another site could get it: without the cookie.
		String token = Shopper.json(stranger.get("/csrf-token", "Accept", "application/json")).path("token").asString();

		HttpResponse<String> answer = stranger.send(stranger.request("/purchase", "Accept", "application/json",
				"Content-Type", "application/json", "X-XSRF-TOKEN", token)
			.POST(BodyPublishers.ofString(PURCHASE)));

		assertThat(answer.statusCode()).isEqualTo(403);
		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

}
