package com.example.hostile.downloads.stripe;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.example.hostile.downloads.FakeStripe;
import com.example.hostile.downloads.mail.MailServer;
import com.example.hostile.downloads.PurchaseHooks;
import com.example.hostile.downloads.QuietOutputCaptureExtension;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StripeKey;
import com.example.hostile.downloads.StripeSignature;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/**
 * A restricted key with exactly the permissions the README lists ("Restricted keys") does all the
 * store asks of Stripe: a whole purchase, its refund and a lost-link request. Without
 * any one of them the purchase stops, and the log names the permission to add. Stripe's side is
 * {@link FakeStripe}, held to the key's permissions by {@link StripeKey} as Stripe holds a restricted
 * key: to read an expanded object the key needs Read on that object too.
 */
@RestrictedKeyStore
@ExtendWith(QuietOutputCaptureExtension.class)
class RestrictedKeyPurchaseTests {

	static final List<String> README_PERMISSIONS = StripeKey.README_PERMISSIONS;

	/** Each permission that can be missing alone: Checkout Sessions Write includes Read, as in the Dashboard. */
	static final List<String> WITHHELD_ALONE = README_PERMISSIONS.stream()
		.filter(permission -> !permission.equals("rak_checkout_session_read"))
		.toList();

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	StripeKey key;

	@Autowired
	Catalog catalog;

	@Autowired
	PurchaseHooks hooks;

	@Autowired
	MailServer mailServer;

	@LocalServerPort
	int port;

	final String buyer = "restricted-" + StripeStub.newSessionId().substring(8, 20).toLowerCase() + "@example.com";

	@BeforeEach
	void stripeHoldsThePurchases() {
		fakeStripe.answer(stripe);
	}

	/** A shopper buys the first item and pays (the checkout opens, Stripe takes the payment): its session id. */
	String aPurchase(Shopper shopper) {
		shopper.opensTheItemPage();
		String id = shopper.opensTheCheckout(catalog.firstItem().id(), 1);
		fakeStripe.updateEmail(id, buyer);
		fakeStripe.pay(id);
		return id;
	}

	@Test
	void theseAreThePermissionsTheReadmeLists() throws Exception {
		// The table's "Stripe's name for it" column, as a seller copies it into the Dashboard.
		List<String> listed = Files.readAllLines(Path.of("README.md"))
			.stream()
			.filter(line -> line.startsWith("| ") && line.contains("`rak_"))
			.map(line -> line.replaceAll(".*`(rak_[a-z_]+)`.*", "$1"))
			.toList();
		assertThat(listed).containsExactlyElementsOf(README_PERMISSIONS);
	}

	@Test
	void theReadmesPermissionsAreEnoughForAPurchaseALostLinkAndARefund() throws Exception {
		key.restrictTo(README_PERMISSIONS);
		Shopper shopper = new Shopper(port);

		String id = aPurchase(shopper);
		HttpResponse<String> receipt = shopper.get("/receipt/" + id);
		assertThat(receipt.statusCode()).isEqualTo(200);
		assertThat(receipt.body()).contains("Thank you");

		HttpResponse<String> lostLink = shopper.post("/lost-link",
				"email=" + URLEncoder.encode(buyer, StandardCharsets.UTF_8), "Content-Type",
				"application/x-www-form-urlencoded", "Accept", "text/html");
		assertThat(lostLink.statusCode()).isLessThan(400);
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (mailServer.messagesTo(buyer).stream().noneMatch(RestrictedKeyPurchaseTests::isLostLinkMail)
				&& System.nanoTime() < until) {
			Thread.sleep(20);
		}
		assertThat(mailServer.messagesTo(buyer)).anyMatch(RestrictedKeyPurchaseTests::isLostLinkMail);

		String session = fakeStripe.session(id);
		String charge = StripeStub.chargeOf(StripeStub.refunded(session, json.readTree(session).path("amount_total").asLong()));
		StripeStub.willReturnCharge(stripe, charge);
		String event = StripeStub.event("charge.refunded", charge);
		HttpResponse<String> delivered = shopper.send(shopper.request("/stripe/webhook", "Content-Type", "application/json",
				"Stripe-Signature", StripeSignature.signNow(event)).POST(HttpRequest.BodyPublishers.ofString(event)));
		assertThat(delivered.statusCode()).isEqualTo(200);
		verify(hooks, timeout(5_000)).postRefund(any());
	}

	@ParameterizedTest
	@FieldSource("WITHHELD_ALONE")
	void withoutOneOfThemThePurchaseStopsAndTheLogNamesIt(String withheld, CapturedOutput output) {
		key.withhold(withheld);
		Shopper shopper = new Shopper(port);

		try {
			shopper.get("/receipt/" + aPurchase(shopper));
		}
		catch (IllegalStateException checkoutRefused) {
			// Without Checkout Sessions Write the checkout does not open: the log says why.
		}

		RestrictedKeyTests.theLogNames(output, withheld);
	}

	private static boolean isLostLinkMail(MimeMessage mail) {
		try {
			return mail.getSubject().startsWith("Your links from");
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
