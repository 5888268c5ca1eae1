package com.example.hostile.downloads.licence;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.example.hostile.downloads.FakeStripe;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.mail.MailServer;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The buyer's e-mail carries the key of their purchase (LicenceKeyInMail), one an app can check. */
@LicenceKeysOn
class LicenceKeyInMailTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	MailServer mailServer;

	@Autowired
	LicenceKeys keys;

	@Autowired
	Catalog catalog;

	@LocalServerPort
	int port;

	@Test
	void theEmailCarriesTheKeyAndAnAppCanCheckIt() throws Exception {
		fakeStripe.answer(stripe);
		HttpClient http = Shopper.client();
		Shopper shopper = new Shopper(http, port);
		String buyer = "buyer-" + UUID.randomUUID() + "@example.com";
		shopper.opensTheItemPage();
		String session = shopper.opensTheCheckout(catalog.firstItem().id(), 1);
		fakeStripe.updateEmail(session, buyer);
		fakeStripe.pay(session);
		assertThat(shopper.get("/receipt/" + session).body()).contains(keys.keyFor(session));

		List<MimeMessage> mail = mailServer.awaitMessagesTo(buyer, Duration.ofSeconds(15));

		assertThat(mail).hasSize(1);
		String key = keys.keyFor(session);
		assertThat(MailServer.part(mail.get(0), "text/plain")).contains("Licence key: " + key);
		assertThat(MailServer.part(mail.get(0), "text/html")).contains("<code>" + key + "</code>");
		// An app, with no cookie nor CSRF token.
		HttpResponse<String> check = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/licences/verify"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"key\": \"" + key + "\"}"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(check.statusCode()).isEqualTo(200);
		assertThat(Shopper.json(check).get("status").asString()).isEqualTo("valid");
	}

}
