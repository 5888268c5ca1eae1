package com.example.hostile.downloads.withdrawalwaiver;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.example.hostile.downloads.CheckoutJson;
import com.example.hostile.downloads.FakeStripe;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import com.example.hostile.downloads.mail.MailServer;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.hostile.downloads.Messages.english;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The EU withdrawal waiver: no checkout without the tick, the words accepted recorded at Stripe,
 * and repeated in the buyer's e-mail when (and only when) the session records them.
 */
@StoreTest
class WithdrawalWaiverTests {

	static final Duration ARRIVES_WITHIN = Duration.ofSeconds(15);

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

	// An address of each test's own: other tests' purchases send e-mail too.
	final String buyer = "buyer-" + UUID.randomUUID() + "@example.com";

	Shopper shopper;

	Item item;

	@BeforeEach
	void openTheItemPage() {
		fakeStripe.answer(stripe);
		item = catalog.firstItem();
		shopper = new Shopper(port);
		shopper.opensTheItemPage();
	}

	@Test
	void theItemPageShowsTheBoxUntickedWithItsWords() {
		String page = shopper.get(Shopper.ITEM_PAGE).body();

		assertThat(page).containsPattern("<input id=\"withdrawal-waiver\" name=\"withdrawal_waiver\" type=\"checkbox\" data-must-tick\\s+"
				+ "data-not-ticked=\"" + english("withdrawalWaiver.notTicked") + "\"> " + english(WithdrawalWaiver.WORDING) + "</label>");
	}

	@Test
	void wordsLongerThanStripeKeepsInMetadataStopTheStart() {
		assertThat(WithdrawalWaiver.checked("x".repeat(500))).hasSize(500);
		assertThatIllegalStateException().isThrownBy(() -> WithdrawalWaiver.checked("x".repeat(501)))
			.withMessageContaining("500");
		assertThat(english(WithdrawalWaiver.WORDING).length()).isLessThanOrEqualTo(500);
	}

	@Nested
	class TheCheckout {

		@Test
		void isRefusedWithoutTheTickAndStripeIsNotAsked() {
			for (String tick : new String[] { "", ", \"ticked\": []", ", \"ticked\": null", ", \"ticked\": [\"another_box\"]" }) {
				HttpResponse<String> answer = shopper.post("/checkout", "{\"itemId\": \"%s\"%s}".formatted(item.id(), tick));

				assertThat(answer.statusCode()).as(tick).isEqualTo(400);
				assertThat(Shopper.json(answer).path("detail").asString()).isEqualTo(english("withdrawalWaiver.notTicked"));
			}
			stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
		}

		@Test
		void opensWithTheTickAndRecordsTheWordsOnTheSessionAndItsPayment() {
			opensTheCheckoutTicked();

			stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
				.withFormParam("metadata[withdrawal_waiver]", equalTo(english(WithdrawalWaiver.WORDING)))
				.withFormParam("payment_intent_data[metadata][withdrawal_waiver]", equalTo(english(WithdrawalWaiver.WORDING)))
				.withFormParam("metadata[store_id]", equalTo(StripeStub.STORE_ID)));
		}

	}

	@Nested
	class TheEmail {

		@Test
		void repeatsTheWordsTheBuyerTicked() throws Exception {
			String id = opensTheCheckoutTicked();
			paysAndOpensTheReceipt(id);

			MimeMessage mail = theEmail();
			assertThat(MailServer.part(mail, "text/plain")).contains("\"" + english(WithdrawalWaiver.WORDING) + "\"");
			assertThat(MailServer.part(mail, "text/html")).contains("&ldquo;" + english(WithdrawalWaiver.WORDING) + "&rdquo;");
		}

		@Test
		void saysNothingOfAWaiverItsSessionDoesNotRecord() throws Exception {
			// A purchase opened before the store had the waiver.
			String id = sessionMadeAtStripe(StripeStub.storeMetadata(item, 1));
			paysAndOpensTheReceipt(id);

			MimeMessage mail = theEmail();
			assertThat(MailServer.part(mail, "text/plain")).doesNotContain(english(WithdrawalWaiver.WORDING), "right of withdrawal");
			assertThat(MailServer.part(mail, "text/html")).doesNotContain(english(WithdrawalWaiver.WORDING), "right of withdrawal");
		}

	}

	String opensTheCheckoutTicked() {
		HttpResponse<String> answer = shopper.post("/checkout", CheckoutJson.order(item.id()));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return FakeStripe.sessionIdOf(Shopper.json(answer).path("clientSecret").asString());
	}

	/** A session of this store's made at (fake) Stripe directly, with the metadata given. */
	String sessionMadeAtStripe(Map<String, String> metadata) throws IOException, InterruptedException {
		return sessionMadeAtStripe(stripe, port, item, metadata);
	}

	static String sessionMadeAtStripe(WireMockServer stripe, int port, Item item, Map<String, String> metadata)
			throws IOException, InterruptedException {
		StringBuilder form = new StringBuilder("line_items[0][quantity]=1&line_items[0][price_data][currency]="
				+ item.currency() + "&line_items[0][price_data][unit_amount]=" + item.amountInMinorUnits(1)
				+ "&return_url=" + encoded("http://localhost:" + port + "/receipt/{CHECKOUT_SESSION_ID}"));
		metadata.forEach((key, value) -> form.append("&metadata[").append(key).append("]=").append(encoded(value)));
		HttpResponse<String> created = Shopper.client()
			.send(HttpRequest.newBuilder(URI.create(stripe.baseUrl() + "/v1/checkout/sessions"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		return Shopper.json(created).path("id").asString();
	}

	void paysAndOpensTheReceipt(String id) {
		fakeStripe.updateEmail(id, buyer);
		fakeStripe.pay(id);
		assertThat(shopper.get("/receipt/" + id).statusCode()).isEqualTo(200);
	}

	MimeMessage theEmail() throws InterruptedException {
		List<MimeMessage> messages = mailServer.awaitMessagesTo(buyer, ARRIVES_WITHIN);
		assertThat(messages).as("e-mails to the buyer").hasSize(1);
		return messages.get(0);
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
