package com.example.hostile.downloads.lostlink;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import com.example.hostile.downloads.CheckoutJson;
import com.example.hostile.downloads.Csrf;
import com.example.hostile.downloads.FakeStripe;
import com.example.hostile.downloads.RawHttp;
import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.mail.MailServer;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Lost your link?" e-mails links on the store's own address (localhost without store.base-url),
 * whatever Host header the purchase and the request for links came with: otherwise anyone could
 * have a buyer e-mailed a genuine download link that points at another site.
 */
@StoreTest
class LostLinkHostTests {

	static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

	@Autowired
	MockMvc mvc;

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
	void theLinksSentToALostLinkRequestAreOnTheStoresAddressWhateverTheHostHeader() throws Exception {
		fakeStripe.answer(stripe);
		String buyer = "buyer-" + UUID.randomUUID() + "@example.com";
		RawHttp.Answer checkout = RawHttp.postJson(port, "/checkout",
				CheckoutJson.order(catalog.firstItem().id()), "Host: evil.test");
		String id = FakeStripe.sessionIdOf(checkout.json().path("clientSecret").asString());
		fakeStripe.updateEmail(id, buyer);
		fakeStripe.pay(id);

		mvc.perform(post("/lost-link").param("email", buyer).header("Host", "evil.test").with(Csrf.tokenFrom(mvc)))
			.andExpect(status().isFound());

		List<MimeMessage> mails = mailServer.awaitMessagesTo(buyer, Duration.ofSeconds(15));
		assertThat(mails).hasSize(1);
		List<String> links = LINK.matcher(MailServer.part(mails.get(0), "text/plain")).results().map(MatchResult::group).toList();
		assertThat(links).anyMatch(link -> link.contains("/download/"))
			.allSatisfy(link -> assertThat(link).startsWith("http://localhost:" + port + "/"));
		assertThat(MailServer.part(mails.get(0), "text/html")).doesNotContain("evil.test");
	}

}
