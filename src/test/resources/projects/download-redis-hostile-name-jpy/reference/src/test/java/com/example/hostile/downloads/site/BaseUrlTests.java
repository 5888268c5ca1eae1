package com.example.hostile.downloads.site;

import java.net.http.HttpResponse;

import com.example.hostile.downloads.CheckoutJson;
import com.example.hostile.downloads.FakeStripe;
import com.example.hostile.downloads.SellersItemAndAddress;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * With store.base-url set, every absolute address the store writes starts with it, whatever host
 * the request came to: what Stripe sends buyers back to, canonical and
 * link-preview addresses, and the sitemap.
 */
@SellersItemAndAddress
class BaseUrlTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	Catalog catalog;

	@LocalServerPort
	int port;

	@Test
	void stripeSendsBuyersBackToThePublicAddress() {
		fakeStripe.answer(stripe);
		Shopper shopper = new Shopper(port);
		shopper.opensTheItemPage();

		HttpResponse<String> answer = shopper.post("/checkout", CheckoutJson.order(catalog.firstItem().id()));

		assertThat(answer.statusCode()).isEqualTo(200);
		stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
			.withFormParam("return_url", equalTo("https://shop.example.com/receipt/{CHECKOUT_SESSION_ID}")));
	}

	@Test
	void pagesAndTheSitemapNameThePublicAddress() throws Exception {
		mvc.perform(get(Shopper.ITEM_PAGE).header("Host", "10.0.0.7:8080"))
			.andExpect(content().string(containsString("<link rel=\"canonical\" href=\"https://shop.example.com" + Shopper.ITEM_PAGE + "\">")))
			.andExpect(content().string(containsString("<meta property=\"og:url\" content=\"https://shop.example.com" + Shopper.ITEM_PAGE + "\">")));
		mvc.perform(get("/sitemap.xml")).andExpect(content().string(containsString("<loc>https://shop.example.com/</loc>")));
		mvc.perform(get("/robots.txt")).andExpect(content().string(containsString("Sitemap: https://shop.example.com/sitemap.xml")));
	}

}
