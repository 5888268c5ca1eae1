package com.example.posters.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import com.example.posters.Shopper;
import com.example.posters.StoreTest;
import com.example.posters.StripeSignature;
import com.example.posters.StripeStub;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors that Spring Boot answers itself, on a real port (MockMvc does not run Boot's error
 * handling): each gets the store's short message, as JSON for the script and as the store's
 * page for a browser, never a stack trace.
 */
@StoreTest
class HttpErrorsTests {

	static final String JSON = "application/json";

	@Autowired
	WireMockServer stripe;

	@LocalServerPort
	int port;

	/** A purchase padded past the limit with spaces, which JSON allows anywhere. */
	static String oversizedPurchase() {
		return "{\"confirmationTokenId\": \"ctoken_1Big\"," + " ".repeat(RequestBodyLimit.MAX_BODY_BYTES) + "\"itemId\": \"item\"}";
	}

	static void assertNoStackTrace(HttpResponse<String> response) {
		assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace");
	}

	@Test
	void anOversizedPurchaseIsRefusedWith413BeforeStripeIsCalled() throws Exception {
		Shopper shopper = new Shopper(port);
		shopper.opensTheItemPage();

		HttpResponse<String> answer = shopper.post("/purchase", oversizedPurchase(), "Accept", JSON);

		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("\"message\":\"The request is too large.\"");
		assertNoStackTrace(answer);
		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void anOversizedBodySentInChunksWithoutALengthIsRefusedToo() throws Exception {
		Shopper shopper = new Shopper(port);
		shopper.opensTheItemPage();
		byte[] body = oversizedPurchase().getBytes();

		// ofInputStream has no length, so the client sends the body chunked.
		HttpResponse<String> answer = shopper.send(shopper.request("/purchase", "Accept", JSON, "Content-Type", JSON)
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

		assertThat(answer.statusCode()).isEqualTo(413);
		assertNoStackTrace(answer);
	}

	@Test
	void anOversizedWebhookIsRefusedWith413() throws Exception {
		String huge = "{\"id\": \"evt_1Big\", \"padding\": \"" + "x".repeat(RequestBodyLimit.MAX_WEBHOOK_BODY_BYTES) + "\"}";
		Shopper stripeItself = new Shopper(port);

		HttpResponse<String> answer = stripeItself.send(stripeItself.request("/stripe/webhook", "Content-Type", JSON,
				"Stripe-Signature", StripeSignature.signNow(huge)).POST(BodyPublishers.ofString(huge)));

		assertThat(answer.statusCode()).isEqualTo(413);
	}

	@Test
	void aWebhookSentInChunksReachesTheSignatureCheckByteForByte() throws Exception {
		String event = StripeStub.event("customer.created", "{\"id\": \"cus_1Chunked\", \"object\": \"customer\"}");
		Shopper stripeItself = new Shopper(port);

		HttpResponse<String> answer = stripeItself.send(stripeItself.request("/stripe/webhook", "Content-Type", JSON,
				"Stripe-Signature", StripeSignature.signNow(event))
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(event.getBytes()))));

		assertThat(answer.statusCode()).isEqualTo(200);
	}

	@Test
	void aBrowserGetsTheStoresPageWithTheMessage() throws Exception {
		Shopper shopper = new Shopper(port);
		shopper.opensTheItemPage();

		HttpResponse<String> page = shopper.post("/purchase", oversizedPurchase(), "Accept", "text/html");

		assertThat(page.statusCode()).isEqualTo(413);
		assertThat(page.body()).contains("class=\"site-header\"", "The request is too large.");
		assertNoStackTrace(page);
	}

	@Test
	void aClientThatDoesNotTakeJsonIsRefusedBeforeAnythingIsCharged() throws Exception {
		Shopper shopper = new Shopper(port);
		shopper.opensTheItemPage();

		HttpResponse<String> page = shopper.post("/purchase",
				"{\"confirmationTokenId\": \"ctoken_1Html\", \"itemId\": \"item\"}", "Accept", "text/html");

		assertThat(page.statusCode()).isEqualTo(406);
		assertThat(page.body()).contains("class=\"site-header\"", "This address answers in JSON only.");
		assertNoStackTrace(page);
		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void theWrongMethodGets405() throws Exception {
		HttpResponse<String> answer = new Shopper(port).get("/purchase", "Accept", JSON);

		assertThat(answer.statusCode()).isEqualTo(405);
		assertThat(answer.body()).contains("\"message\":\"This address does not take that kind of request.\"");
		assertNoStackTrace(answer);
	}

	@Test
	void aPurchaseWithoutTheCsrfTokenGets403WithAHint() throws Exception {
		Shopper stranger = new Shopper(port);

		HttpResponse<String> answer = stranger.send(stranger.request("/purchase", "Accept", JSON, "Content-Type", JSON)
			.POST(BodyPublishers.ofString("{\"confirmationTokenId\": \"ctoken_1NoCsrf\", \"itemId\": \"item\"}")));

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(answer.body()).contains("Reload the page and try again.");
		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

}
