package com.example.downloads.site;

import com.example.downloads.CheckoutJson;
import com.example.downloads.FakeStripe;
import com.example.downloads.RawHttp;
import com.example.downloads.Shopper;
import com.example.downloads.StoreTest;
import com.example.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without store.base-url (the store as generated), the links it writes are on localhost and the
 * port it listens on, whatever Host header a request carries: anyone can send one, and a link
 * built on it would carry a buyer's receipt and download to the sender's site. Right on the
 * seller's own machine, plainly wrong anywhere else, where the start-up log says to set it.
 */
@StoreTest
class LocalhostLinksTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	Catalog catalog;

	@LocalServerPort
	int port;

	/** Opens a checkout as a shopper's browser does, but with a Host header of the sender's choosing. */
	RawHttp.Answer checkoutWithHost(String host) {
		return RawHttp.postJson(port, "/checkout", CheckoutJson.order(catalog.firstItem().id()), "Host: " + host);
	}

	@Test
	void stripeSendsBuyersBackToLocalhostWhateverTheHostHeader() {
		fakeStripe.answer(stripe);

		RawHttp.Answer answer = checkoutWithHost("evil.test");

		assertThat(answer.status()).isEqualTo(200);
		stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
			.withFormParam("return_url", equalTo("http://localhost:" + port + "/receipt/{CHECKOUT_SESSION_ID}")));
	}

	@Test
	void pagesAndTheSitemapNameLocalhostWhateverTheHostHeader() {
		RawHttp.Answer page = RawHttp.send(port, "GET " + Shopper.ITEM_PAGE + " HTTP/1.1", null, "Host: evil.test");
		RawHttp.Answer sitemap = RawHttp.send(port, "GET /sitemap.xml HTTP/1.1", null, "Host: evil.test");

		assertThat(page.body()).contains("<link rel=\"canonical\" href=\"http://localhost:" + port + Shopper.ITEM_PAGE + "\">")
			.doesNotContain("evil.test");
		assertThat(sitemap.body()).contains("<loc>http://localhost:" + port + "/</loc>").doesNotContain("evil.test");
	}

}
