package com.example.shop.mail;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import com.example.shop.CheckoutJson;
import com.example.shop.FakeStripe;
import com.example.shop.SellersOwnSettings;
import com.example.shop.Shopper;
import com.example.shop.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The links in the buyer's e-mail, behind a proxy that terminates TLS and passes on what a client
 * sends (server.forward-headers-strategy, one of {@link SellersOwnSettings}, as in
 * web/BehindAProxyTests): no X-Forwarded-* header chooses their host. That is store.base-url, or
 * localhost without it.
 */
@SellersOwnSettings
class PurchaseMailBehindAProxyTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	Catalog catalog;

	@Autowired
	MailServer mailServer;

	@LocalServerPort
	int port;

	@Test
	void noForwardedHeaderChoosesTheLinksInTheEmail() throws Exception {
		fakeStripe.answer(stripe);
		String buyer = "buyer-" + UUID.randomUUID() + "@example.com";
		Shopper shopper = new Shopper(port);
		shopper.opensTheItemPage();

		HttpResponse<String> answer = shopper.post("/checkout", CheckoutJson.order(catalog.firstItem().id()),
				"X-Forwarded-For", "198.51.100.19", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.test",
				"X-Forwarded-Port", "666");
		String id = FakeStripe.sessionIdOf(Shopper.json(answer).path("clientSecret").asString());
		fakeStripe.updateEmail(id, buyer);
		fakeStripe.pay(id);
		shopper.get("/receipt/" + id, "X-Forwarded-Host", "evil.test", "X-Forwarded-Port", "666");
		List<MimeMessage> mails = mailServer.awaitMessagesTo(buyer, Duration.ofSeconds(15));

		assertThat(mails).hasSize(1);
		String text = MailServer.part(mails.get(0), "text/plain");
		assertThat(Pattern.compile("https?://\\S+").matcher(text).results().map(MatchResult::group).toList()).isNotEmpty()
			.allSatisfy(link -> assertThat(link).startsWith("http://localhost:" + port + "/"));
		assertThat(MailServer.part(mails.get(0), "text/html")).doesNotContain("evil.test", ":666");
	}

}
