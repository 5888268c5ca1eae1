package ${package}.checkout;

import java.util.Map;

import ${package}.Csrf;
import ${package}.StoreTest;
import ${package}.StripeStub;
import ${package}.catalog.Catalog;
import ${package}.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Stripe slow, dropping connections, failing or not there at all: the shopper gets a clear answer
 * within the store's timeouts, and trying again can never charge twice.
 */
@StoreTest
@TestPropertySource(properties = "stripe.read-timeout=1s")
class StripeFaultTests {

	@Autowired
	WireMockServer stripe;

	static final String PI = "pi_3TestFaults";

	static final String TOKEN = "ctoken_1TestFaults";

	// Longer than the read timeout above.
	static final int STRIPE_DELAY_MILLIS = 3_000;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	PurchaseHooks hooks;

	Item item;

	@BeforeEach
	void sellTheFirstItem() {
		item = catalog.firstItem();
	}

	ResultActions purchaseItem() throws Exception {
		return mvc.perform(post("/purchase").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confirmationTokenId\": \"%s\", \"itemId\": \"%s\"}".formatted(TOKEN, item.id())));
	}

	String succeeded(Map<String, String> metadata) {
		return StripeStub.paymentIntent(PI, "succeeded", item.amountInMinorUnits(1), item.currency(), metadata);
	}

	@Test
	void aSlowStripeIsGivenUpOnAtTheReadTimeoutWithTryAgain() throws Exception {
		stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/payment_intents"))
			.willReturn(okJson(succeeded(Map.of())).withFixedDelay(STRIPE_DELAY_MILLIS)));

		long start = System.nanoTime();
		purchaseItem().andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.error.message").value(PurchaseErrors.STRIPE_NO_ANSWER));
		long waitedMillis = (System.nanoTime() - start) / 1_000_000;

		// The store stopped waiting by itself, well before Stripe's answer would have come.
		assertThat(waitedMillis).isLessThan(STRIPE_DELAY_MILLIS);
		verify(hooks, times(0)).postPurchase(any());
	}

	/** Some of these end in stripe-java's connection error, others in an error reading the answer. */
	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE",
			"MALFORMED_RESPONSE_CHUNK" })
	void aDroppedOrGarbledAnswerSaysTryingAgainIsSafe(Fault fault) throws Exception {
		StripeStub.willDropTheConnection(stripe, fault);

		purchaseItem().andExpect(status().is5xxServerError())
			.andExpect(jsonPath("$.error.message").value(endsWith(PurchaseErrors.SAFE_TO_RETRY)));

		verify(hooks, times(0)).postPurchase(any());
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503 })
	void anErrorOnStripesSideAnswersTryAgain(int status) throws Exception {
		stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"An unknown error occurred\"}}")));

		purchaseItem().andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.error.message").value(PurchaseErrors.STRIPE_NO_ANSWER));
	}

	/** Stripe's answer while a request with the same idempotency key is still running. */
	@Test
	void anAttemptStillRunningAtStripeSaysTryingAgainIsSafe() throws Exception {
		stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(409)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"type\": \"idempotency_error\", \"message\": \"There is currently another "
					+ "in-progress request using this Stripe-Idempotency-Key.\"}}")));

		purchaseItem().andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.error.message").value(PurchaseErrors.STILL_PROCESSING));
	}

	@Test
	void stripesRateLimitAnswersNotChargedTryAgain() throws Exception {
		stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"rate_limit\", "
					+ "\"message\": \"Too many requests hit the API too quickly.\"}}")));

		purchaseItem().andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.error.message").value(PurchaseErrors.STRIPE_UNREACHABLE));
	}

	/**
	 * The first attempt reached Stripe, which charged the card, but its answer never came back. The
	 * shopper tries again with the same confirmation token: the same idempotency key makes Stripe
	 * answer with that payment, so the shopper sees the receipt and pays once.
	 */
	@Test
	void tryingAgainAfterATimeoutSendsTheSameIdempotencyKeyAndFulfilsOnce() throws Exception {
		stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/payment_intents")).inScenario("slow minute")
			.whenScenarioStateIs(STARTED)
			.willReturn(okJson(succeeded(StripeStub.storeMetadata(item, 1)))
				.withFixedDelay(STRIPE_DELAY_MILLIS))
			.willSetStateTo("answering again"));
		stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/payment_intents")).inScenario("slow minute")
			.whenScenarioStateIs("answering again")
			.willReturn(okJson(succeeded(StripeStub.storeMetadata(item, 1)))));
		StripeStub.willUpdatePaymentIntent(stripe, PI,
				succeeded(StripeStub.storeMetadata(item, 1, "fulfilled", "true")));

		purchaseItem().andExpect(status().isServiceUnavailable());
		purchaseItem().andExpect(status().isOk()).andExpect(jsonPath("$.receiptUrl").exists());

		stripe.verify(exactly(2), postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
			.withHeader("Idempotency-Key", equalTo("purchase-" + TOKEN)));
		verify(hooks, times(1)).postPurchase(any());
	}

	@Test
	void aPaymentThatSucceededIsAnsweredWithItsReceiptEvenIfPostPurchaseFails() throws Exception {
		StripeStub.willCreatePaymentIntent(stripe, succeeded(StripeStub.storeMetadata(item, 1)));
		doThrow(new IllegalStateException("the order database is down"))
			.when(hooks)
			.postPurchase(any());

		purchaseItem().andExpect(status().isOk()).andExpect(jsonPath("$.receiptUrl").exists());

		// Not marked fulfilled at Stripe: the webhook will call postPurchase again.
		stripe.verify(exactly(0), postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + PI)));
	}

}
