package com.example.shop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.shop.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret ever shows: not the Stripe secret key, the webhook secret, the download link secret
 * nor a payment's client secret, in any log line or any page, over a whole purchase and what goes
 * wrong around it. The secrets are canaries: fake values, easy to spot anywhere they turn up.
 * The one answer allowed to carry a client secret is the JSON that hands it to stripe.js for
 * 3-D Secure; it is not among the answers checked.
 */
// Its own context, so that its start-up is logged while this test captures the output. The
// publishable key is StripeStub's: it is meant to be seen.
@StoreTest
@TestPropertySource(properties = { "stripe.secret-key=" + NoSecretInLogsOrPagesTests.SECRET_KEY,
		"stripe.webhook-secret=" + NoSecretInLogsOrPagesTests.WEBHOOK_SECRET,
		// Read by the download variant only; elsewhere it is an unused property.
		"download.link-secret=" + NoSecretInLogsOrPagesTests.DOWNLOAD_SECRET })
@ExtendWith(OutputCaptureExtension.class)
class NoSecretInLogsOrPagesTests {

	static final String SECRET_KEY = "sk_test_NOTAREALKEY_canary_secret_key";

	static final String WEBHOOK_SECRET = "whsec_NOTAREALSECRET_canary_webhook";

	static final String DOWNLOAD_SECRET = "NOTAREALSECRET_canary_download_link";

	/** What follows _secret_ in every client secret the fake Stripe hands out. */
	static final String CLIENT_SECRET = FakeStripe.CLIENT_SECRET_PART;

	static final List<String> CANARIES = List.of(SECRET_KEY, WEBHOOK_SECRET, DOWNLOAD_SECRET, CLIENT_SECRET);

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@LocalServerPort
	int port;

	@Autowired
	LoggingSystem logging;

	@Autowired
	Catalog catalog;

	final HttpClient http = Shopper.client();

	@BeforeEach
	void stripeAnswersEveryToken() {
		fakeStripe.answer(stripe);
	}

	@Test
	void aWholePurchaseShowsNoSecretInLogsOrPages(CapturedOutput output) {
		List<HttpResponse<String>> answers = shopThroughEverything("info");

		assertThat(output).as("the log of the purchase was captured")
			.contains("Purchase " + FakeStripe.paymentIntentFor("ctoken_okinfo"));
		assertNoCanaryIn(output, answers);
	}

	@Test
	void noSecretEvenWithDebugLoggingOn(CapturedOutput output) {
		// What a store owner chasing a problem would turn on. Spring's DEBUG lines print request
		// and response bodies, so whatever the store reads or answers must not print a secret.
		List<String> loggers = List.of("org.springframework.web", "com.stripe");
		loggers.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
		List<HttpResponse<String>> answers;
		try {
			answers = shopThroughEverything("debug");
		}
		finally {
			loggers.forEach(logger -> logging.setLogLevel(logger, null));
		}

		assertThat(output).as("DEBUG lines were logged").contains("DEBUG");
		assertNoCanaryIn(output, answers);
	}

	static void assertNoCanaryIn(CapturedOutput output, List<HttpResponse<String>> answers) {
		assertThat(CANARIES).allSatisfy(canary -> {
			assertThat(output.getAll()).as("the log").doesNotContain(canary);
			assertThat(answers).allSatisfy(answer -> assertThat(answer.headers().map() + "\n" + answer.body())
				.as(answer.request().method() + " " + answer.uri().getPath())
				.doesNotContain(canary));
		});
	}

	/**
	 * A whole purchase and what goes wrong around it, over real HTTP, each answer checked for
	 * the status it must have. Returns every answer the store gave but the 3-D Secure one.
	 */
	List<HttpResponse<String>> shopThroughEverything(String run) {
		List<HttpResponse<String>> answers = new ArrayList<>();
		Shopper shopper = new Shopper(http, port);
		answers.add(expect(200, shopper.opensTheItemPage()));

		// A card that goes through, and its receipt page.
		HttpResponse<String> paid = expect(200, buy(shopper, "ctoken_ok" + run));
		answers.add(paid);
		HttpResponse<String> receipt = expect(200, shopper.get(Shopper.json(paid).path("receiptUrl").asString()));
		answers.add(receipt);

		// 3-D Secure: the tab closes during the challenge, Stripe's webhook fulfils the payment
		// (a forged delivery is refused), then the tab comes back and completes.
		String token = "ctoken_3ds" + run;
		String clientSecret = Shopper.json(expect(200, buy(shopper, token))).path("clientSecret").asString();
		// The canaries are live: the store calls Stripe with the canary key, and hands out the
		// canary client secret.
		stripe.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
			.withHeader("Authorization", equalTo("Bearer " + SECRET_KEY)));
		assertThat(clientSecret).endsWith("_secret_" + CLIENT_SECRET);
		String event = StripeStub.event("payment_intent.succeeded",
				fakeStripe.paymentIntent(FakeStripe.paymentIntentFor(token)));
		answers.add(expect(200, stripeSends(event, WEBHOOK_SECRET)));
		answers.add(expect(400, stripeSends(event, "whsec_someone_else")));
		answers.add(expect(200, shopper.post("/purchase/complete", "{\"clientSecret\": \"%s\"}".formatted(clientSecret))));

		// A declined card, Stripe down, a page that does not exist, a forged receipt address.
		answers.add(expect(402, buy(shopper, "ctoken_decline" + run)));
		answers.add(expect(503, buy(shopper, "ctoken_outage" + run)));
		answers.add(expect(404, shopper.get("/no-such-page")));
		answers.add(expect(404, shopper.get("/receipt/" + FakeStripe.paymentIntentFor(token) + "/forged")));
		return answers;
	}

	HttpResponse<String> buy(Shopper shopper, String confirmationToken) {
		return shopper.post("/purchase", """
				{"confirmationTokenId": "%s", "itemId": "%s", "email": "shopper@example.com"}"""
			.formatted(confirmationToken, catalog.firstItem().id()));
	}

	/** A webhook delivery, signed as Stripe signs: HMAC-SHA256 of "timestamp.payload". */
	HttpResponse<String> stripeSends(String event, String signingSecret) {
		long now = Instant.now().getEpochSecond();
		String signature;
		try {
			signature = "t=" + now + ",v1=" + Webhook.Util.computeHmacSha256(signingSecret, now + "." + event);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		return new Shopper(http, port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/stripe/webhook"))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(event)));
	}

	static HttpResponse<String> expect(int status, HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.uri().getPath() + ": " + answer.body())
			.isEqualTo(status);
		return answer;
	}

	static String find(String html, String regex) {
		Matcher match = Pattern.compile(regex).matcher(html);
		assertThat(match.find()).as(regex + " in " + html).isTrue();
		return match.group(1);
	}

}
