package com.example.hostile.downloads;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.hostile.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret ever shows: not the Stripe secret key, the webhook secret, the download link secret
 * nor a Checkout Session's client secret, in any log line or any page, over whole purchases and
 * what goes wrong around them. The secrets are canaries: fake values, easy to spot anywhere they
 * turn up. The one answer allowed to carry a client secret is the checkout's JSON, which hands it
 * to Stripe.js in the buyer's browser: its body is not among the answers checked, but it must not
 * reach a log line either.
 */
// Its own context, so that its start-up is logged while this test captures the output. The
// publishable key is StripeStub's: it is meant to be seen. No retries, so that Stripe's 500 is quick.
@StoreTest
@TestPropertySource(properties = { "stripe.secret-key=" + NoSecretInLogsOrPagesTests.SECRET_KEY,
		"stripe.webhook-secret=" + NoSecretInLogsOrPagesTests.WEBHOOK_SECRET, "stripe.max-network-retries=0",
		// Read by the download variant only; elsewhere it is an unused property.
		"download.link-secret=" + NoSecretInLogsOrPagesTests.DOWNLOAD_SECRET })
@ExtendWith(QuietOutputCaptureExtension.class)
class NoSecretInLogsOrPagesTests {

	static final String SECRET_KEY = "sk_test_NOTAREALKEY_canary_secret_key";

	static final String WEBHOOK_SECRET = "whsec_NOTAREALSECRET_canary_webhook";

	static final String DOWNLOAD_SECRET = "NOTAREALSECRET_canary_download_link";

	static final List<String> CANARIES = List.of(SECRET_KEY, WEBHOOK_SECRET, DOWNLOAD_SECRET,
			StripeStub.CLIENT_SECRET_PART);

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	LoggingSystem logging;

	@Autowired
	Catalog catalog;

	@LocalServerPort
	int port;

	/** Every answer the store gave in a test, but the checkout's JSON for Stripe.js. */
	final List<HttpResponse<String>> answers = new ArrayList<>();

	/** The session ids of the purchases made in a test. */
	final List<String> purchases = new ArrayList<>();

	@BeforeEach
	void stripeAnswers() {
		fakeStripe.answer(stripe);
	}

	@Test
	void wholePurchasesShowNoSecretInLogsOrPages(CapturedOutput output) {
		shopThroughEverything();

		assertThat(purchases).allSatisfy(id -> assertThat(output).as("the log of the purchase was captured")
			.contains("Purchase " + id));
		assertNoCanaryIn(output);
	}

	@Test
	void noSecretEvenWithDebugLoggingOn(CapturedOutput output) {
		// What a store owner chasing a problem would turn on. Spring's DEBUG lines print request
		// and response bodies, so whatever the store reads or answers must not print a secret.
		List<String> loggers = List.of("org.springframework.web", "org.springframework.security", "com.stripe",
				"com.example.hostile.downloads");
		loggers.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
		try {
			shopThroughEverything();
		}
		finally {
			loggers.forEach(logger -> logging.setLogLevel(logger, null));
		}

		assertThat(output).as("DEBUG lines were logged").contains("DEBUG");
		assertNoCanaryIn(output);
	}

	void assertNoCanaryIn(CapturedOutput output) {
		assertThat(CANARIES).allSatisfy(canary -> {
			assertThat(output.getAll()).as("the log").doesNotContain(canary);
			assertThat(answers).allSatisfy(answer -> assertThat(answer.headers().map() + "\n" + answer.body())
				.as(answer.request().method() + " " + answer.uri().getPath())
				.doesNotContain(canary));
		});
	}

	/**
	 * Two whole purchases over real HTTP, one fulfilled on the receipt page and one by the webhook,
	 * and what goes wrong around them, each answer checked for the status it must have.
	 */
	void shopThroughEverything() {
		Shopper shopper = new Shopper(Shopper.client(), port);
		expect(200, shopper.opensTheItemPage());

		// Paid, and fulfilled as the buyer lands on the receipt page.
		String paid = checkout(shopper);
		fakeStripe.pay(paid);
		String receipt = expect(200, shopper.get("/receipt/" + paid)).body();
		purchases.add(paid);
		// The signed download link on the receipt, and the same link tampered with.
		String download = find(receipt, "href=\"(/download/[^\"]+)\"");
		expect(200, shopper.get(download));
		expect(403, shopper.get(download + "x"));

		// Paid, but the buyer closed the tab: Stripe's webhook fulfils it (a forged delivery is
		// refused), and the buyer opens the receipt later.
		String closedTab = checkout(shopper);
		fakeStripe.pay(closedTab);
		String event = StripeStub.event("checkout.session.completed", fakeStripe.session(closedTab));
		expect(200, stripeSends(event, WEBHOOK_SECRET));
		expect(400, stripeSends(event, "whsec_someone_else"));
		expect(200, shopper.get("/receipt/" + closedTab));
		purchases.add(closedTab);

		// The canaries are live: the store called Stripe with the canary key.
		stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
			.withHeader("Authorization", equalTo("Bearer " + SECRET_KEY)));

		// An item not for sale, a receipt Stripe does not know, a page that does not exist.
		expect(400, shopper.post("/checkout", "{\"itemId\": \"no-such-item\"}"));
		expect(404, shopper.get("/receipt/" + StripeStub.newSessionId()));
		expect(404, shopper.get("/no-such-page"));

		// Stripe failing: refusing to open a checkout, down, and down while a receipt is read.
		StripeStub.willRefuseToCreateSession(stripe, 400, "invalid_request_error", "parameter_invalid_integer");
		expect(502, shopper.post("/checkout", checkoutRequest()));
		StripeStub.willRefuseToCreateSession(stripe, 500, "api_error", null);
		expect(503, shopper.post("/checkout", checkoutRequest()));
		String unreadable = StripeStub.newSessionId();
		stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + unreadable))
			.willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
				.withBody(StripeStub.error("api_error", null, "Something went wrong at Stripe"))));
		expect(503, shopper.get("/receipt/" + unreadable));
	}

	String checkoutRequest() {
		return CheckoutJson.order(catalog.firstItem().id());
	}

	/** Opens a checkout as checkout.js does; its JSON carries the client secret for Stripe.js. */
	String checkout(Shopper shopper) {
		HttpResponse<String> forStripeJs = shopper.post("/checkout", checkoutRequest());
		assertThat(forStripeJs.statusCode()).isEqualTo(200);
		String clientSecret = Shopper.json(forStripeJs).path("clientSecret").asString();
		assertThat(clientSecret).endsWith("_secret_" + StripeStub.CLIENT_SECRET_PART);
		assertThat(forStripeJs.headers().map().toString()).doesNotContain(StripeStub.CLIENT_SECRET_PART);
		return FakeStripe.sessionIdOf(clientSecret);
	}

	/** A webhook delivery, as Stripe sends it: no cookie, signed with the endpoint's secret. */
	HttpResponse<String> stripeSends(String event, String signingSecret) {
		Shopper stripeItself = new Shopper(port);
		return stripeItself.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/stripe/webhook"))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", StripeSignature.sign(event, signingSecret, Instant.now().getEpochSecond()))
			.POST(HttpRequest.BodyPublishers.ofString(event)));
	}

	HttpResponse<String> expect(int status, HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.uri().getPath() + ": " + answer.body())
			.isEqualTo(status);
		answers.add(answer);
		return answer;
	}

	static String find(String html, String regex) {
		Matcher match = Pattern.compile(regex).matcher(html);
		assertThat(match.find()).as(regex + " in " + html).isTrue();
		return match.group(1);
	}

}
