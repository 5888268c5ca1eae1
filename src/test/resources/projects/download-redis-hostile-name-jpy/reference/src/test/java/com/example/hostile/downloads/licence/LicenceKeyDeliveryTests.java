package com.example.hostile.downloads.licence;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.example.hostile.downloads.FakeStripe;
import com.example.hostile.downloads.MailServer;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** The buyer gets the key of a paid purchase on its receipt and in the e-mail, and nowhere once it is closed. */
@LicenceKeysOn
class LicenceKeyDeliveryTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	MailServer mailServer;

	@Autowired
	LicenceKeys keys;

	@Autowired
	Catalog catalog;

	@LocalServerPort
	int port;

	final String id = StripeStub.newSessionId();

	void stripeHas(String session) {
		StripeStub.willReturnSession(stripe, id, session);
		StripeStub.willUpdateSession(stripe, id, session);
	}

	@Test
	void theReceiptOfAPaidPurchaseShowsItsKey() throws Exception {
		stripeHas(StripeStub.paidSession(id, catalog.firstItem()));

		mvc.perform(get("/receipt/" + id))
			.andExpect(content().string(containsString("<code id=\"licence-key\">" + keys.keyFor(id) + "</code>")));
	}

	@Test
	void theReceiptOfARefundedDisputedOrUnpaidPurchaseShowsNoKey() throws Exception {
		Item item = catalog.firstItem();
		String paid = StripeStub.paidSession(id, item);
		for (String closed : List.of(StripeStub.refunded(paid, 1), StripeStub.disputed(paid),
				StripeStub.storeSession(id, "complete", "unpaid", item, 1))) {
			String another = StripeStub.newSessionId();
			String session = closed.replace(id, another);
			StripeStub.willReturnSession(stripe, another, session);

			mvc.perform(get("/receipt/" + another))
				.andExpect(content().string(not(containsString("Licence key"))))
				.andExpect(content().string(not(containsString(keys.keyFor(another)))));
		}
	}

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
