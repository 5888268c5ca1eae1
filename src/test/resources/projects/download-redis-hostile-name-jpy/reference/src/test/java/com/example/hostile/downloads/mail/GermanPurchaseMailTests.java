package com.example.hostile.downloads.mail;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.example.hostile.downloads.FakeStripe;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.site.GermanStoreTests;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The buyer's e-mail in the German store (site/GermanStoreTests, whose store this is): no English word left. */
@StoreTest
@TestPropertySource(properties = "store.locale=de-DE")
class GermanPurchaseMailTests {

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
	void theBuyersEmailIsInGerman() throws Exception {
		fakeStripe.answer(stripe);
		Shopper shopper = new Shopper(Shopper.client(), port);
		String buyer = "buyer-" + UUID.randomUUID() + "@example.com";
		shopper.opensTheItemPage();
		String id = shopper.opensTheCheckout(catalog.firstItem().id(), 1);
		fakeStripe.updateEmail(id, buyer);
		fakeStripe.pay(id);
		assertThat(shopper.get("/receipt/" + id).statusCode()).isEqualTo(200);

		List<MimeMessage> mail = mailServer.awaitMessagesTo(buyer, Duration.ofSeconds(15));

		assertThat(mail).hasSize(1);
		assertThat(mail.get(0).getSubject()).isEqualTo("Ihr Kauf bei " + catalog.name());
		String text = MailServer.part(mail.get(0), "text/plain");
		assertThat(text).contains("Vielen Dank für Ihren Kauf bei " + catalog.name() + ".");
		GermanStoreTests.assertNoEnglishIn(text);
		GermanStoreTests.assertNoEnglishIn(MailServer.part(mail.get(0), "text/html"));
	}

}
