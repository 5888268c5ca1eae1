package com.example.downloads.download;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.example.downloads.FakeStripe;
import com.example.downloads.MailServer;
import com.example.downloads.Shopper;
import com.example.downloads.StoreTest;
import com.example.downloads.StripeStub;
import com.example.downloads.catalog.Catalog;
import com.example.downloads.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.downloads.Messages.english;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EU withdrawal waiver switched off, as application.yml has it: no box, the tick ignored, and
 * an e-mail that still repeats the waiver of a purchase whose session records one (a purchase made
 * while it was on).
 */
@StoreTest
class WithdrawalWaiverOffTests {

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
	void theItemPageHasNoBox() {
		assertThat(shopper.get(Shopper.ITEM_PAGE).body()).doesNotContain("withdrawal-waiver", english(WithdrawalWaiver.WORDING));
	}

	@Test
	void theCheckoutIgnoresATickAndRecordsNoWaiver() {
		for (String tick : new String[] { "true", "false" }) {
			HttpResponse<String> answer = shopper.post("/checkout",
					"{\"itemId\": \"%s\", \"withdrawalWaiver\": %s}".formatted(item.id(), tick));
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		}

		List<LoggedRequest> created = stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
		assertThat(created).hasSize(2)
			.allSatisfy(request -> assertThat(request.getBodyAsString()).doesNotContain("withdrawal_waiver"));
	}

	@Test
	void theEmailRepeatsTheWaiverItsSessionRecords() throws Exception {
		String id = WithdrawalWaiverTests.sessionMadeAtStripe(stripe, port, item,
				StripeStub.storeMetadata(item, 1, "withdrawal_waiver", "The words this buyer ticked back then."));
		fakeStripe.updateEmail(id, buyer);
		fakeStripe.pay(id);
		assertThat(shopper.get("/receipt/" + id).statusCode()).isEqualTo(200);

		List<MimeMessage> mail = mailServer.awaitMessagesTo(buyer, Duration.ofSeconds(15));
		assertThat(mail).hasSize(1);
		assertThat(MailServer.part(mail.get(0), "text/plain"))
			.contains("\"The words this buyer ticked back then.\"");
	}

}
