package com.example.plain.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import com.example.plain.CheckoutJson;
import com.example.plain.Shopper;
import com.example.plain.StoreTest;
import com.example.plain.StripeSignature;
import com.example.plain.StripeStub;
import com.example.plain.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors that Spring Boot answers itself, on a real port (MockMvc does not run Boot's error
 * handling): each gets the store's short message, as JSON for the script ({@code status} and
 * {@code detail}, as the checkout's own Problem Details) and as the store's page for a browser,
 * never a stack trace.
 */
@StoreTest
class HttpErrorsTests {

	static final String JSON = "application/json";

	@Autowired
	WireMockServer stripe;

	@Autowired
	Catalog catalog;

	@LocalServerPort
	int port;

	/** A checkout padded past the limit with spaces, which JSON allows anywhere. */
	String oversizedCheckout() {
		return "{\"itemId\": \"%s\",%s\"quantity\": 1}".formatted(catalog.firstItem().id(),
				" ".repeat(RequestBodyLimit.MAX_BODY_BYTES));
	}

	Shopper shopperOnTheItemPage() {
		Shopper shopper = new Shopper(port);
		shopper.opensTheItemPage();
		return shopper;
	}

	/** The answer is exactly {"status": status, "detail": detail}: nothing about the request or the exception. */
	static void assertTheStoresJson(HttpResponse<String> answer, int status, String detail) {
		assertThat(answer.statusCode()).isEqualTo(status);
		JsonNode json = Shopper.json(answer);
		assertThat(json.propertyNames()).containsExactlyInAnyOrder("status", "detail");
		assertThat(json.path("status").asInt()).isEqualTo(status);
		assertThat(json.path("detail").asString()).isEqualTo(detail);
	}

	static void assertNoStackTrace(HttpResponse<String> response) {
		assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace");
	}

	@Test
	void anOversizedCheckoutIsRefusedWith413BeforeStripeIsCalled() {
		HttpResponse<String> answer = shopperOnTheItemPage().post("/checkout", oversizedCheckout());

		assertTheStoresJson(answer, 413, "The request is too large.");
		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void anOversizedBodySentInChunksWithoutALengthIsRefusedToo() {
		Shopper shopper = shopperOnTheItemPage();
		byte[] body = oversizedCheckout().getBytes();
		String token = Shopper.json(shopper.get("/csrf-token", "Accept", JSON)).path("token").asString();

		// ofInputStream has no length, so the client sends the body chunked.
		HttpResponse<String> answer = shopper.send(shopper
			.request("/checkout", "Accept", JSON, "Content-Type", JSON, "X-XSRF-TOKEN", token)
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

		assertTheStoresJson(answer, 413, "The request is too large.");
		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void anOversizedWebhookIsRefusedWith413() {
		String huge = "{\"id\": \"evt_1Big\", \"padding\": \"" + "x".repeat(RequestBodyLimit.MAX_WEBHOOK_BODY_BYTES) + "\"}";
		Shopper stripeItself = new Shopper(port);

		HttpResponse<String> answer = stripeItself.send(stripeItself.request("/stripe/webhook", "Content-Type", JSON,
				"Stripe-Signature", StripeSignature.signNow(huge)).POST(BodyPublishers.ofString(huge)));

		assertThat(answer.statusCode()).isEqualTo(413);
	}

	@Test
	void aWebhookSentInChunksReachesTheSignatureCheckByteForByte() {
		String event = StripeStub.event("customer.created", "{\"id\": \"cus_1Chunked\", \"object\": \"customer\"}");
		Shopper stripeItself = new Shopper(port);

		HttpResponse<String> answer = stripeItself.send(stripeItself
			.request("/stripe/webhook", "Content-Type", JSON, "Stripe-Signature", StripeSignature.signNow(event))
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(event.getBytes()))));

		assertThat(answer.statusCode()).isEqualTo(200);
	}

	@Test
	void aBrowserGetsTheStoresPageWithTheMessage() {
		HttpResponse<String> page = shopperOnTheItemPage().post("/checkout", oversizedCheckout(), "Accept", "text/html");

		assertThat(page.statusCode()).isEqualTo(413);
		assertThat(page.body()).contains("class=\"site-header\"", "The request is too large.");
		assertNoStackTrace(page);
	}

	@Test
	void aClientThatDoesNotTakeJsonIsRefusedBeforeStripeIsCalled() {
		HttpResponse<String> page = shopperOnTheItemPage().post("/checkout",
				CheckoutJson.order(catalog.firstItem().id()), "Accept", "text/html");

		assertThat(page.statusCode()).isEqualTo(406);
		assertThat(page.body()).contains("class=\"site-header\"", "This address answers in JSON only.");
		assertNoStackTrace(page);
		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void theWrongMethodGets405() {
		HttpResponse<String> answer = new Shopper(port).get("/checkout", "Accept", JSON);

		assertTheStoresJson(answer, 405, "This address does not take that kind of request.");
	}

	@Test
	void anUnknownAddressGets404() {
		HttpResponse<String> answer = new Shopper(port).get("/no-such-address", "Accept", JSON);

		assertTheStoresJson(answer, 404, "There is nothing at this address.");
	}

	@Test
	void aCheckoutWithoutTheCsrfTokenGets403WithAHint() {
		Shopper stranger = new Shopper(port);

		HttpResponse<String> answer = stranger.send(stranger.request("/checkout", "Accept", JSON, "Content-Type", JSON)
			.POST(BodyPublishers.ofString(CheckoutJson.order(catalog.firstItem().id()))));

		assertTheStoresJson(answer, 403, "This request was refused. Reload the page and try again.");
		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void theCheckoutsOwnRefusalsHaveTheSameStatusAndDetail() {
		// checkout.js reads "detail" from both: a Problem Detail of the checkout, and Boot's error JSON.
		HttpResponse<String> answer = shopperOnTheItemPage().post("/checkout", "{\"itemId\": \"no-such-item\"}");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Shopper.json(answer).path("status").asInt()).isEqualTo(400);
		assertThat(Shopper.json(answer).path("detail").asString()).isEqualTo("This item is not for sale.");
		assertNoStackTrace(answer);
		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

}
