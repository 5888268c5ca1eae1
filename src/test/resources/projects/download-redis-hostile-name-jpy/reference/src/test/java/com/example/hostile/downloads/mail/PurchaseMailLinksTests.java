package com.example.hostile.downloads.mail;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import com.example.hostile.downloads.CheckoutJson;
import com.example.hostile.downloads.FakeStripe;
import com.example.hostile.downloads.RawHttp;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without store.base-url, the buyer's e-mail links to localhost and the port the store listens on,
 * as its pages do (site/LocalhostLinksTests), whatever Host header the purchase was made with.
 */
@StoreTest
class PurchaseMailLinksTests {

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

	@Test
	void theEmailOfAPurchaseMadeWithAnotherHostHeaderLinksToLocalhost() throws Exception {
		fakeStripe.answer(stripe);
		String buyer = "buyer-" + UUID.randomUUID() + "@example.com";
		RawHttp.Answer checkout = RawHttp.postJson(port, "/checkout", CheckoutJson.order(catalog.firstItem().id()),
				"Host: evil.test:666");
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

	static List<String> linksIn(String text) {
		return LINK.matcher(text).results().map(MatchResult::group).map(PurchaseMailLinksTests::withoutTrailingDot).toList();
	}

	private static String withoutTrailingDot(String link) {
		return link.endsWith(".") ? link.substring(0, link.length() - 1) : link;
	}

}
