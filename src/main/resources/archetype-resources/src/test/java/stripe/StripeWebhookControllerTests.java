package ${package}.stripe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ${package}.Concurrently;
import ${package}.StoreTest;
import ${package}.StripeSignature;
import ${package}.StripeStub;
import ${package}.checkout.PurchaseHooks;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The webhook, with events signed for real the way Stripe signs them. */
@StoreTest
class StripeWebhookControllerTests {

	@Autowired
	WireMockServer stripe;

	static final AtomicInteger payments = new AtomicInteger();

	// A new payment for each test: the store remembers for a while which payments it fulfilled.
	final String PI = "pi_3TestWebhook" + payments.incrementAndGet();

	@Autowired
	MockMvc mvc;

	// The real hooks, watched: postPurchase is counted, not replaced.
	@Autowired
	PurchaseHooks hooks;

	String intent(Map<String, String> metadata) {
		return StripeStub.paymentIntent(PI, "succeeded", 900, "usd", metadata);
	}

	final String SUCCEEDED_EVENT = StripeStub.event("payment_intent.succeeded",
			intent(unfulfilled()));

	ResultActions deliver(String payload, String signature) throws Exception {
		return mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", signature)
			.content(payload));
	}

	static String sign(String payload, String secret, long timestamp) {
		return StripeSignature.sign(payload, secret, timestamp);
	}

	static long now() {
		return Instant.now().getEpochSecond();
	}

	@Test
	void aSignedSucceededEventFulfilsAnUnfulfilledPayment() throws Exception {
		StripeStub.willReturnPaymentIntent(stripe, PI, intent(unfulfilled()));
		StripeStub.willUpdatePaymentIntent(stripe, PI,
				intent(fulfilled()));

		deliver(SUCCEEDED_EVENT, sign(SUCCEEDED_EVENT, StripeStub.WEBHOOK_SECRET, now())).andExpect(status().isOk());

		stripe.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + PI))
			.withFormParam("metadata[fulfilled]", equalTo("true")));
	}

	@Test
	void anAlreadyFulfilledPaymentIsNotFulfilledAgain() throws Exception {
		StripeStub.willReturnPaymentIntent(stripe, PI,
				intent(fulfilled()));

		deliver(SUCCEEDED_EVENT, sign(SUCCEEDED_EVENT, StripeStub.WEBHOOK_SECRET, now())).andExpect(status().isOk());

		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + PI)));
	}

	@Test
	void aForgedSignatureIsRefused() throws Exception {
		deliver(SUCCEEDED_EVENT, sign(SUCCEEDED_EVENT, "whsec_someone_else", now())).andExpect(status().isBadRequest());

		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aStaleSignatureIsRefused() throws Exception {
		long tenMinutesAgo = now() - 600;

		deliver(SUCCEEDED_EVENT, sign(SUCCEEDED_EVENT, StripeStub.WEBHOOK_SECRET, tenMinutesAgo))
			.andExpect(status().isBadRequest());

		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aMissingSignatureIsRefused() throws Exception {
		mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON).content(SUCCEEDED_EVENT))
			.andExpect(status().isBadRequest());
	}

	@ParameterizedTest
	@ValueSource(strings = { "payment_intent.created", "payment_intent.payment_failed", "charge.refunded",
			"some.event_type_stripe_adds_next_year" })
	void otherAndUnknownEventTypesAreAcknowledgedAndIgnored(String type) throws Exception {
		String event = StripeStub.event(type, intent(Map.of()));

		deliver(event, sign(event, StripeStub.WEBHOOK_SECRET, now())).andExpect(status().isOk());

		stripe.verify(0, anyRequestedFor(anyUrl()));
		verify(hooks, never()).postPurchase(any());
	}

	// Each test below is its own payment: the store remembers for a while which ones it fulfilled.

	static final JsonMapper json = JsonMapper.builder().build();

	static String intentOf(String paymentIntentId, Map<String, String> metadata) {
		return StripeStub.paymentIntent(paymentIntentId, "succeeded", 900, "usd", metadata);
	}

	static Map<String, String> unfulfilled() {
		return StripeStub.storeMetadata("item", 1, 900, "usd");
	}

	static Map<String, String> fulfilled() {
		return StripeStub.storeMetadata("item", 1, 900, "usd", "fulfilled", "true");
	}

	static String succeededEvent(String paymentIntentId) {
		return StripeStub.event("payment_intent.succeeded", intentOf(paymentIntentId, unfulfilled()));
	}

	ResultActions deliverSigned(String event) throws Exception {
		return deliver(event, StripeSignature.signNow(event));
	}

	/** Stripe only reads the status: a body is for people, and must not show the store's insides. */
	static void assertShortAndWithoutTrace(ResultActions answer) throws Exception {
		String body = answer.andReturn().getResponse().getContentAsString();
		assertThat(body).hasSizeLessThan(100)
			.doesNotContainIgnoringCase("exception")
			.doesNotContain("\tat ", "com.", "java.", "trace");
	}

	/** Stripe's answer when the fault is on its side (Stripe's API reference, "Errors"). */
	static ResponseDefinitionBuilder stripeOutage() {
		return aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong on Stripe's end.\"}}");
	}

	void stubMarking(String paymentIntentId) {
		StripeStub.willUpdatePaymentIntent(stripe, paymentIntentId, intentOf(paymentIntentId, fulfilled()));
	}

	@Test
	void theSameEventDeliveredTwiceFulfilsOnce() throws Exception {
		String pi = "pi_3DeliveredTwice";
		// Like Stripe: the payment reads unmarked until the store marks it, then marked.
		stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + pi)).inScenario("mark")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(intentOf(pi, unfulfilled()))));
		stripe.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/payment_intents/" + pi))
			.inScenario("mark")
			.willReturn(okJson(intentOf(pi, fulfilled())))
			.willSetStateTo("marked"));
		stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + pi)).inScenario("mark")
			.whenScenarioStateIs("marked")
			.willReturn(okJson(intentOf(pi, fulfilled()))));
		String event = succeededEvent(pi);

		deliverSigned(event).andExpect(status().isOk());
		deliverSigned(event).andExpect(status().isOk());

		verify(hooks, times(1)).postPurchase(any());
		stripe.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + pi)));
	}

	@Test
	void theSameEventDeliveredManyTimesAtOnceFulfilsOnce() throws Exception {
		String pi = "pi_3DeliveredAtOnce";
		// Every delivery reads the payment before the first one marks it.
		StripeStub.willReturnPaymentIntent(stripe, pi, intentOf(pi, unfulfilled()));
		stubMarking(pi);
		doAnswer((call) -> {
			Thread.sleep(200);
			return call.callRealMethod();
		}).when(hooks).postPurchase(any());
		String event = succeededEvent(pi);

		List<Integer> statuses = Concurrently.run(10,
				() -> deliverSigned(event).andReturn().getResponse().getStatus());

		assertThat(statuses).containsOnly(200);
		verify(hooks, times(1)).postPurchase(any());
		stripe.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + pi)));
	}

	@Test
	void anOldEventSignedAgainWithAFreshTimestampDoesNothingForAFulfilledPayment() throws Exception {
		String pi = "pi_3Replayed";
		StripeStub.willReturnPaymentIntent(stripe, pi, intentOf(pi, fulfilled()));
		long aMonthAgo = Instant.now().minus(Duration.ofDays(30)).getEpochSecond();
		String oldEvent = succeededEvent(pi).replaceFirst("\"created\":\\d+", "\"created\":" + aMonthAgo);
		assertThat(oldEvent).contains("\"created\":" + aMonthAgo);

		deliverSigned(oldEvent).andExpect(status().isOk());

		verify(hooks, never()).postPurchase(any());
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + pi)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"id\": \"evt_1\", \"type\": \"payment_intent.succeeded\", \"data\":", "[]", "null",
			"42", "not json at all" })
	void aSignedBodyThatIsNotAnEventIsRefused(String payload) throws Exception {
		ResultActions answer = deliverSigned(payload).andExpect(status().isBadRequest());

		assertShortAndWithoutTrace(answer);
		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "without an id", "with an amount that is not a number", "as a bare id" })
	void aSucceededEventOfThisStoreWhosePaymentCannotBeReadIsRefused(String payment) throws Exception {
		ObjectNode event = (ObjectNode) json.readTree(succeededEvent("pi_3Unreadable"));
		ObjectNode data = (ObjectNode) event.get("data");
		switch (payment) {
			case "without an id" -> ((ObjectNode) data.get("object")).remove("id");
			case "with an amount that is not a number" -> ((ObjectNode) data.get("object")).put("amount", "lots");
			// Not Stripe's shape: stripe-java cannot read it as an event at all.
			default -> data.put("object", "pi_3Unreadable");
		}

		ResultActions answer = deliverSigned(event.toString()).andExpect(status().isBadRequest());

		assertShortAndWithoutTrace(answer);
		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	// Stripe would deliver an event for days while it is not answered 2xx: one that names no store
	// of this account's cannot become readable, so it is acknowledged.
	@ParameterizedTest
	@ValueSource(strings = { "missing", "with metadata that is not a map" })
	void aSucceededEventWhosePaymentCannotBeReadAndNamesNoStoreIsAcknowledged(String payment) throws Exception {
		ObjectNode event = (ObjectNode) json.readTree(succeededEvent("pi_3UnreadableForeign"));
		switch (payment) {
			case "missing" -> event.remove("data");
			default -> ((ObjectNode) event.get("data").get("object")).put("metadata", "not a map").put("amount", "lots");
		}

		deliverSigned(event.toString()).andExpect(status().isOk());

		stripe.verify(0, anyRequestedFor(anyUrl()));
		verify(hooks, never()).postPurchase(any());
	}

	@Test
	void whenStripeCannotBeAskedForThePaymentTheWebhookAsksStripeToRetry() throws Exception {
		String pi = "pi_3StripeDown";
		List<ResponseDefinitionBuilder> failures = List.of(stripeOutage(),
				aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		for (ResponseDefinitionBuilder failure : failures) {
			stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + pi)).willReturn(failure));

			ResultActions answer = deliverSigned(succeededEvent(pi)).andExpect(status().is5xxServerError());

			assertShortAndWithoutTrace(answer);
		}
		verify(hooks, never()).postPurchase(any());
	}

	@Test
	void aPaymentStripeDoesNotKnowIsAcknowledgedSoStripeStopsRetrying() throws Exception {
		String pi = "pi_3GoneAtStripe";
		stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + pi)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"resource_missing\", "
					+ "\"message\": \"No such payment_intent: '" + pi + "'\"}}")));

		deliverSigned(succeededEvent(pi)).andExpect(status().isOk());

		verify(hooks, never()).postPurchase(any());
	}

	@Test
	void whenPostPurchaseFailsTheWebhookAnswers500AndTheNextDeliveryFulfils() throws Exception {
		String pi = "pi_3HookFails";
		StripeStub.willReturnPaymentIntent(stripe, pi, intentOf(pi, unfulfilled()));
		stubMarking(pi);
		doThrow(new IllegalStateException("mail server down")).doCallRealMethod().when(hooks).postPurchase(any());
		String event = succeededEvent(pi);

		ResultActions failed = deliverSigned(event).andExpect(status().isInternalServerError());
		assertShortAndWithoutTrace(failed);
		assertThat(failed.andReturn().getResponse().getContentAsString()).doesNotContain("mail server down");
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + pi)));

		deliverSigned(event).andExpect(status().isOk());

		verify(hooks, times(2)).postPurchase(any());
		stripe.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + pi))
			.withFormParam("metadata[fulfilled]", equalTo("true")));
	}

	@Test
	void whenMarkingFailsTheNextDeliveryMarksWithoutFulfillingAgain() throws Exception {
		String pi = "pi_3MarkFails";
		StripeStub.willReturnPaymentIntent(stripe, pi, intentOf(pi, unfulfilled()));
		stripe.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/payment_intents/" + pi))
			.inScenario("mark")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(stripeOutage())
			.willSetStateTo("Stripe is back"));
		stripe.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/payment_intents/" + pi))
			.inScenario("mark")
			.whenScenarioStateIs("Stripe is back")
			.willReturn(okJson(intentOf(pi, fulfilled()))));
		String event = succeededEvent(pi);

		deliverSigned(event).andExpect(status().is5xxServerError());
		verify(hooks, times(1)).postPurchase(any());
		stripe.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + pi)));

		deliverSigned(event).andExpect(status().isOk());

		verify(hooks, times(1)).postPurchase(any());
		stripe.verify(exactly(2), postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + pi))
			.withFormParam("metadata[fulfilled]", equalTo("true")));
	}

}
