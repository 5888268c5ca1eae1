package com.example.posters.mail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.posters.FakeStripe;
import com.example.posters.Shopper;
import com.example.posters.StoreTest;
import com.example.posters.StripeSignature;
import com.example.posters.StripeStub;
import com.example.posters.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buyer's e-mail, sent to a real SMTP server ({@link MailServer}) after whole purchases over
 * real HTTP ({@link Shopper}, {@link FakeStripe}): once per purchase however many times the
 * receipt and the webhook see it, with links that work, and never at the purchase's expense when
 * the mail server is down or hangs.
 */
@StoreTest
class PurchaseMailTests {

	// Past the test settings' mail timeouts (2 s) and first retries: how long an e-mail may take.
	static final Duration ARRIVES_WITHIN = Duration.ofSeconds(15);

	// Far below the mail timeouts: a receipt that waited for the mail server would take longer.
	static final Duration RECEIPT_WITHIN = Duration.ofMillis(1500);

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	Catalog catalog;

	@Autowired
	MailServer mailServer;

	@Autowired
	MailOutbox outbox;

	@LocalServerPort
	int port;

	final HttpClient http = Shopper.client();

	// An address of each test's own: the context is shared, and other tests' purchases send e-mail too.
	final String buyer = "buyer-" + UUID.randomUUID() + "@example.com";

	Shopper shopper;

	@BeforeEach
	void fakeStripe() {
		fakeStripe.answer(stripe);
		shopper = new Shopper(http, port);
	}

	String aPaidCheckout() {
		shopper.opensTheItemPage();
		String id = shopper.opensTheCheckout(catalog.firstItem().id(), 1);
		fakeStripe.updateEmail(id, buyer);
		fakeStripe.pay(id);
		return id;
	}

	/** Opens the receipt as Stripe.js sends the buyer there, and answers how long it took. */
	Duration opensTheReceipt(String id) {
		long start = System.nanoTime();
		HttpResponse<String> receipt = shopper.get("/receipt/" + id);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(receipt.statusCode()).isEqualTo(200);
		assertThat(receipt.body()).contains("Thank you!");
		return took;
	}

	int deliver(String type, String session) throws IOException, InterruptedException {
		String event = StripeStub.event(type, session);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/stripe/webhook"))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", StripeSignature.signNow(event))
			.POST(HttpRequest.BodyPublishers.ofString(event))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** Waits for the buyer's e-mail and for the outbox to be done, then expects exactly one. */
	MimeMessage theOnlyEmail() throws InterruptedException {
		List<MimeMessage> messages = mailServer.awaitMessagesTo(buyer, ARRIVES_WITHIN);
		long deadline = System.nanoTime() + ARRIVES_WITHIN.toNanos();
		while (!outbox.idle() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		messages = mailServer.messagesTo(buyer);
		assertThat(messages).as("e-mails to the buyer").hasSize(1);
		return messages.get(0);
	}

	@Test
	void aPurchaseSeenByTheReceiptAndTwoWebhookDeliveriesEmailsTheBuyerOnce() throws Exception {
		String id = aPaidCheckout();
		// The event as Stripe sends it: the session as it stood when paid, not yet marked.
		String paid = fakeStripe.session(id);
		opensTheReceipt(id);
		assertThat(deliver("checkout.session.completed", paid)).isEqualTo(200);
		assertThat(deliver("checkout.session.completed", paid)).isEqualTo(200);
		opensTheReceipt(id);

		MimeMessage mail = theOnlyEmail();
		assertThat(mail.getSubject()).contains(catalog.name());
		assertThat(mail.getContentType()).startsWith("multipart/");
		String text = MailServer.part(mail, "text/plain");
		assertThat(text).contains(catalog.firstItem().name(), catalog.firstItem().formattedPrice(catalog.locale()));
		assertThat(MailServer.part(mail, "text/html")).contains("Thank you!");
	}

	@Test
	void aPurchaseOnlyTheWebhookSeesEmailsTheBuyerOnce() throws Exception {
		// The buyer closed the tab: the webhook, delivered twice, is all the store hears.
		String id = aPaidCheckout();
		String paid = fakeStripe.session(id);
		assertThat(deliver("checkout.session.completed", paid)).isEqualTo(200);
		assertThat(deliver("checkout.session.completed", paid)).isEqualTo(200);

		theOnlyEmail();
	}

	@Test
	void theLinksInTheEmailWork() throws Exception {
		String id = aPaidCheckout();
		opensTheReceipt(id);
		String text = MailServer.part(theOnlyEmail(), "text/plain");

		String receiptUrl = "http://localhost:" + port + "/receipt/" + id;
		assertThat(link(text, "Receipt: +")).isEqualTo(receiptUrl);
		HttpResponse<String> receipt = http.send(HttpRequest.newBuilder(URI.create(receiptUrl)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(receipt.statusCode()).isEqualTo(200);
		assertThat(receipt.body()).contains("Thank you!");
	}

	@Test
	void theLinksAreOnTheStoresAddressWhateverAddressTheSessionAtStripeHolds() throws Exception {
		// A session opened before the store had its address, or on an address it has left.
		String id = aPaidCheckout();
		fakeStripe.updateReturnUrl(id, "https://old-address.example/receipt/{CHECKOUT_SESSION_ID}");
		opensTheReceipt(id);
		String text = MailServer.part(theOnlyEmail(), "text/plain");

		assertThat(link(text, "Receipt: +")).isEqualTo("http://localhost:" + port + "/receipt/" + id);
		assertThat(text).doesNotContain("old-address.example");
	}

	@Nested
	class WhenTheMailServerFails {

		@Test
		void aRefusingMailServerNeitherBreaksNorSlowsThePurchaseAndTheEmailFollowsLater() throws Exception {
			mailServer.stop();
			String id = aPaidCheckout();
			String paid = fakeStripe.session(id);

			assertThat(opensTheReceipt(id)).isLessThan(RECEIPT_WITHIN);
			assertThat(deliver("checkout.session.completed", paid)).isEqualTo(200);
			assertThat(outbox.idle()).as("the e-mail waits to be tried again").isFalse();

			mailServer.start();
			theOnlyEmail();
		}

		@Test
		void aHangingMailServerDoesNotHoldUpTheReceipt() throws Exception {
			mailServer.hang();
			String id = aPaidCheckout();

			assertThat(opensTheReceipt(id)).isLessThan(RECEIPT_WITHIN);
			long deadline = System.nanoTime() + ARRIVES_WITHIN.toNanos();
			while (mailServer.heldConnections() == 0 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(mailServer.heldConnections()).as("the store tried the hung server").isPositive();

			mailServer.start();
			theOnlyEmail();
		}

	}

	/** The first part of a type in a (multipart) message, as text. */
	/** The address after a label in the text part. */
	static String link(String text, String label) {
		Matcher link = Pattern.compile(label + "(\\S+)").matcher(text);
		assertThat(link.find()).as("a link after '" + label + "'").isTrue();
		return link.group(1);
	}

}
