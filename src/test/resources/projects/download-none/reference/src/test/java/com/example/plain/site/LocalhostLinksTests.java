package com.example.plain.site;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.plain.CheckoutJson;
import com.example.plain.FakeStripe;
import com.example.plain.MailServer;
import com.example.plain.RawHttp;
import com.example.plain.Shopper;
import com.example.plain.StoreTest;
import com.example.plain.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.internet.MimeMessage;
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

	static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	MailServer mailServer;

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
	void theEmailOfAPurchaseMadeWithAnotherHostHeaderLinksToLocalhost() throws Exception {
		fakeStripe.answer(stripe);
		String buyer = "buyer-" + UUID.randomUUID() + "@example.com";
		RawHttp.Answer checkout = checkoutWithHost("evil.test:666");
		String id = FakeStripe.sessionIdOf(checkout.json().path("clientSecret").asString());
		fakeStripe.updateEmail(id, buyer);
		fakeStripe.pay(id);

		assertThat(new Shopper(port).get("/receipt/" + id).statusCode()).isEqualTo(200);
		List<MimeMessage> mails = mailServer.awaitMessagesTo(buyer, Duration.ofSeconds(15));

		assertThat(mails).hasSize(1);
		assertThat(linksIn(MailServer.part(mails.get(0), "text/plain"))).isNotEmpty()
			.allSatisfy(link -> assertThat(link).startsWith("http://localhost:" + port + "/"));
		assertThat(linksIn(MailServer.part(mails.get(0), "text/html")))
			.filteredOn(link -> !link.startsWith("http://www.w3.org/"))
			.allSatisfy(link -> assertThat(link).startsWith("http://localhost:" + port + "/"));
	}

	@Test
	void pagesAndTheSitemapNameLocalhostWhateverTheHostHeader() {
		RawHttp.Answer page = RawHttp.send(port, "GET " + Shopper.ITEM_PAGE + " HTTP/1.1", null, "Host: evil.test");
		RawHttp.Answer sitemap = RawHttp.send(port, "GET /sitemap.xml HTTP/1.1", null, "Host: evil.test");

		assertThat(page.body()).contains("<link rel=\"canonical\" href=\"http://localhost:" + port + Shopper.ITEM_PAGE + "\">")
			.doesNotContain("evil.test");
		assertThat(sitemap.body()).contains("<loc>http://localhost:" + port + "/</loc>").doesNotContain("evil.test");
	}

	static List<String> linksIn(String text) {
		Matcher links = LINK.matcher(text);
		return links.results().map(MatchResult::group).map(LocalhostLinksTests::withoutTrailingDot).toList();
	}

	private static String withoutTrailingDot(String link) {
		return link.endsWith(".") ? link.substring(0, link.length() - 1) : link;
	}

}
