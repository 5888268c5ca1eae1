package com.example.shop.webhook;

import java.time.Instant;
import java.util.List;

import com.example.shop.Concurrently;
import com.example.shop.Purchase;
import com.example.shop.PurchaseHooks;
import com.example.shop.QuietOutputCaptureExtension;
import com.example.shop.StoreTest;
import com.example.shop.StripeSignature;
import com.example.shop.StripeStub;
import com.example.shop.catalog.Catalog;
import com.example.shop.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Stripe's webhook, with events signed for real the way Stripe signs them. */
@StoreTest
@ExtendWith(QuietOutputCaptureExtension.class)
class StripeWebhookControllerTests {

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	// The real hooks, watched: postPurchase is counted, not replaced.
	@Autowired
	PurchaseHooks hooks;

	@Autowired
	Catalog catalog;

	Item item;

	// A new session for each test: the store remembers for a while which purchases it fulfilled.
	final String id = StripeStub.newSessionId();

	@BeforeEach
	void sellTheFirstItem() {
		item = catalog.firstItem();
	}

	String paid() {
		return StripeStub.paidSession(id, item);
	}

	String paidAndMarked() {
		return StripeStub.storeSession(id, "complete", "paid", item, 1, "fulfilled", "true");
	}

	/** Complete, but paid by a method that takes days to clear (a bank debit). */
	String awaitingItsPayment() {
		return StripeStub.storeSession(id, "complete", "unpaid", item, 1);
	}

	String completed(String session) {
		return StripeStub.event("checkout.session.completed", session);
	}

	ResultActions deliver(String payload, String signature) throws Exception {
		return mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", signature)
			.content(payload));
	}

	ResultActions deliverSigned(String event) throws Exception {
		return deliver(event, StripeSignature.signNow(event));
	}

	void stripeHas(String session) {
		StripeStub.willReturnSession(stripe, id, session);
		StripeStub.willUpdateSession(stripe, id, paidAndMarked());
	}

	/** The store's call that marks the session fulfilled at Stripe. */
	RequestPatternBuilder marking() {
		return postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + id)).withFormParam("metadata[fulfilled]",
				equalTo("true"));
	}

	/** Stripe only reads the status: a body is for people, and must not show the store's insides. */
	static void assertShortAndWithoutTrace(ResultActions answer) throws Exception {
		String body = answer.andReturn().getResponse().getContentAsString();
		assertThat(body).hasSizeLessThan(100)
			.doesNotContainIgnoringCase("exception")
			.doesNotContain("\tat ", "com.", "java.", "trace");
	}

	/**
	 * Stripe's answer when the fault is on its side (Stripe's API reference, "Errors"), telling
	 * stripe-java not to try again at once, so that the test sees the store's answer without waiting
	 * out the retries.
	 */
	static ResponseDefinitionBuilder stripeFails() {
		return aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withHeader("Stripe-Should-Retry", "false")
			.withBody(StripeStub.error("api_error", "api_error", "Something went wrong on Stripe's end."));
	}

	void stripeAnswersTheSessionWith(ResponseDefinitionBuilder answer) {
		stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/checkout/sessions/" + id)).willReturn(answer));
	}

	@Test
	void aPaidCompletedSessionIsFulfilledOnceAndMarkedAtStripe() throws Exception {
		stripeHas(paid());

		deliverSigned(completed(paid())).andExpect(status().isOk());

		ArgumentCaptor<Purchase> purchase = ArgumentCaptor.forClass(Purchase.class);
		verify(hooks, times(1)).postPurchase(purchase.capture());
		assertThat(purchase.getValue()).isEqualTo(new Purchase(id, item.id(), 1, item.amountInMinorUnits(1),
				item.currency(), "shopper@example.com"));
		stripe.verify(exactly(1), marking());
	}

	@Test
	void aSessionStripeSaysIsFulfilledIsNotFulfilledAgainWhateverTheEventSays() throws Exception {
		// An old event, delivered again (or replayed, signed afresh): Stripe has the mark since.
		stripeHas(paidAndMarked());

		deliverSigned(completed(paid())).andExpect(status().isOk());

		verify(hooks, never()).postPurchase(any());
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + id)));
	}

	@Test
	void aCompletedSessionWhosePaymentHasNotClearedIsAcknowledgedAndNotFulfilled() throws Exception {
		stripeHas(awaitingItsPayment());

		deliverSigned(completed(awaitingItsPayment())).andExpect(status().isOk());

		verify(hooks, never()).postPurchase(any());
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + id)));
	}

	@Test
	void aDelayedPaymentThatClearsIsFulfilled() throws Exception {
		stripeHas(paid());

		deliverSigned(StripeStub.event("checkout.session.async_payment_succeeded", paid())).andExpect(status().isOk());

		verify(hooks, times(1)).postPurchase(any());
		stripe.verify(exactly(1), marking());
	}

	@Test
	void aDelayedPaymentThatFailedIsAcknowledgedAndNothingIsSold() throws Exception {
		// Even were Stripe asked, and said paid: a failed payment's event sells nothing.
		stripeHas(paid());

		deliverSigned(StripeStub.event("checkout.session.async_payment_failed", awaitingItsPayment()))
			.andExpect(status().isOk());

		verify(hooks, never()).postPurchase(any());
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + id)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "checkout.session.expired", "payment_intent.succeeded", "charge.succeeded",
			"some.event_type_stripe_adds_next_year" })
	void otherAndUnknownEventTypesAreAcknowledgedAndIgnored(String type) throws Exception {
		stripeHas(paid());

		deliverSigned(StripeStub.event(type, paid())).andExpect(status().isOk());

		stripe.verify(0, anyRequestedFor(anyUrl()));
		verify(hooks, never()).postPurchase(any());
	}

	@Nested
	class RefusedDeliveries {

		@Test
		void aForgedSignatureIsRefused() throws Exception {
			String event = completed(paid());

			deliver(event, StripeSignature.sign(event, "whsec_someone_else", Instant.now().getEpochSecond()))
				.andExpect(status().isBadRequest());

			stripe.verify(0, anyRequestedFor(anyUrl()));
			verify(hooks, never()).postPurchase(any());
		}

		@Test
		void aStaleSignatureIsRefused() throws Exception {
			String event = completed(paid());
			long tenMinutesAgo = Instant.now().getEpochSecond() - 600;

			deliver(event, StripeSignature.sign(event, StripeStub.WEBHOOK_SECRET, tenMinutesAgo))
				.andExpect(status().isBadRequest());

			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void aSignatureOfAnotherBodyIsRefused() throws Exception {
			String signature = StripeSignature.signNow(completed(awaitingItsPayment()));

			deliver(completed(paid()), signature).andExpect(status().isBadRequest());

			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void aMissingSignatureIsRefused() throws Exception {
			mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON).content(completed(paid())))
				.andExpect(status().isBadRequest());

			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@ParameterizedTest
		@ValueSource(strings = { "{\"id\": \"evt_1\", \"type\": \"checkout.session.completed\", \"data\":", "[]", "null",
				"42", "not json at all" })
		void aSignedBodyThatIsNotAnEventIsRefused(String payload) throws Exception {
			ResultActions answer = deliverSigned(payload).andExpect(status().isBadRequest());

			assertShortAndWithoutTrace(answer);
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@ParameterizedTest
		@ValueSource(strings = { "without an id", "with a total that is not a number", "as a bare id" })
		void anEventOfThisStoreWhoseSessionCannotBeReadIsRefused(String session) throws Exception {
			ObjectNode event = (ObjectNode) json.readTree(completed(paid()));
			ObjectNode data = (ObjectNode) event.get("data");
			switch (session) {
				case "without an id" -> ((ObjectNode) data.get("object")).remove("id");
				case "with a total that is not a number" -> ((ObjectNode) data.get("object")).put("amount_total", "lots");
				// Not Stripe's shape: stripe-java cannot read it as an event at all.
				default -> data.put("object", id);
			}

			// A 400 shows in Stripe's Dashboard as a failed delivery: the purchase is not lost silently.
			ResultActions answer = deliverSigned(event.toString()).andExpect(status().isBadRequest());

			assertShortAndWithoutTrace(answer);
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		// Stripe delivers an event for days while it is not answered 2xx: one that names no store of
		// this account's will not become readable, so it is acknowledged.
		@ParameterizedTest
		@ValueSource(strings = { "missing", "with metadata that is not a map", "another store's" })
		void anEventWhoseSessionCannotBeReadAndDoesNotNameThisStoreIsAcknowledged(String session) throws Exception {
			ObjectNode event = (ObjectNode) json.readTree(completed(paid()));
			switch (session) {
				case "missing" -> event.remove("data");
				case "with metadata that is not a map" ->
					((ObjectNode) event.get("data").get("object")).put("metadata", "not a map").put("amount_total", "lots");
				default -> {
					ObjectNode object = (ObjectNode) event.get("data").get("object");
					((ObjectNode) object.get("metadata")).put("store_id", "another-store");
					object.put("amount_total", "lots");
				}
			}

			deliverSigned(event.toString()).andExpect(status().isOk());

			stripe.verify(0, anyRequestedFor(anyUrl()));
			verify(hooks, never()).postPurchase(any());
		}

	}

	@Nested
	class WhenSomethingFails {

		@Test
		void aSessionStripeDoesNotKnowIsAcknowledgedSoStripeStopsDelivering() throws Exception {
			stripeAnswersTheSessionWith(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody(StripeStub.error("invalid_request_error", "resource_missing", "No such checkout.session")));

			deliverSigned(completed(paid())).andExpect(status().isOk());

			verify(hooks, never()).postPurchase(any());
		}

		@Test
		void whenStripeCannotBeAskedForTheSessionStripeIsAskedToDeliverAgain() throws Exception {
			for (ResponseDefinitionBuilder failure : List.of(stripeFails(),
					aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))) {
				stripeAnswersTheSessionWith(failure);

				ResultActions answer = deliverSigned(completed(paid())).andExpect(status().isServiceUnavailable());

				assertShortAndWithoutTrace(answer);
			}
			verify(hooks, never()).postPurchase(any());
		}

		@Test
		void whenPostPurchaseFailsTheWebhookAnswers500AndTheNextDeliveryFulfils() throws Exception {
			stripeHas(paid());
			doThrow(new IllegalStateException("database down")).doCallRealMethod().when(hooks).postPurchase(any());
			String event = completed(paid());

			ResultActions failed = deliverSigned(event).andExpect(status().isInternalServerError());
			assertShortAndWithoutTrace(failed);
			assertThat(failed.andReturn().getResponse().getContentAsString()).doesNotContain("database down");
			stripe.verify(0, marking());

			deliverSigned(event).andExpect(status().isOk());

			verify(hooks, times(2)).postPurchase(any());
			stripe.verify(exactly(1), marking());
		}

		@Test
		void whenMarkingFailsTheNextDeliveryMarksWithoutFulfillingAgain() throws Exception {
			StripeStub.willReturnSession(stripe, id, paid());
			stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/checkout/sessions/" + id))
				.inScenario("mark")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(stripeFails())
				.willSetStateTo("Stripe is back"));
			stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/checkout/sessions/" + id))
				.inScenario("mark")
				.whenScenarioStateIs("Stripe is back")
				.willReturn(okJson(paidAndMarked())));
			String event = completed(paid());

			deliverSigned(event).andExpect(status().is5xxServerError());
			verify(hooks, times(1)).postPurchase(any());
			stripe.verify(exactly(1), marking());

			deliverSigned(event).andExpect(status().isOk());

			verify(hooks, times(1)).postPurchase(any());
			stripe.verify(exactly(2), marking());
		}

	}

	@Nested
	class DeliveredMoreThanOnce {

		@Test
		void theSameEventDeliveredTwiceFulfilsOnce() throws Exception {
			// Like Stripe: the session reads unmarked until the store marks it, then marked.
			stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/checkout/sessions/" + id)).inScenario("mark")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(okJson(paid())));
			stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/checkout/sessions/" + id))
				.inScenario("mark")
				.willReturn(okJson(paidAndMarked()))
				.willSetStateTo("marked"));
			stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/checkout/sessions/" + id)).inScenario("mark")
				.whenScenarioStateIs("marked")
				.willReturn(okJson(paidAndMarked())));
			String event = completed(paid());

			deliverSigned(event).andExpect(status().isOk());
			deliverSigned(event).andExpect(status().isOk());

			verify(hooks, times(1)).postPurchase(any());
			stripe.verify(exactly(1), marking());
		}

		@Test
		void theSameEventDeliveredManyTimesAtOnceFulfilsOnce() throws Exception {
			// Every delivery reads the session before the first one marks it.
			stripeHas(paid());
			doAnswer(call -> {
				Thread.sleep(200);
				return call.callRealMethod();
			}).when(hooks).postPurchase(any());
			String event = completed(paid());

			List<Integer> statuses = Concurrently.run(10,
					() -> deliverSigned(event).andReturn().getResponse().getStatus());

			assertThat(statuses).containsOnly(200);
			verify(hooks, times(1)).postPurchase(any());
			stripe.verify(exactly(1), marking());
		}

	}

	/** A store whose webhook secret is not set cannot tell Stripe's events from anyone's. */
	// The settings of the other tests of a store without keys: one context for them all.
	@Nested
	@TestPropertySource(properties = { "stripe.publishable-key=", "stripe.secret-key=", "stripe.webhook-secret=" })
	class WithoutTheWebhookSecret {

		@Autowired
		MockMvc mvc;

		@Autowired
		WireMockServer stripe;

		@Test
		void everyDeliveryIsAnswered503SoStripeKeepsItUntilTheSecretIsSet() throws Exception {
			String event = completed(paid());

			ResultActions answer = mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
				.header("Stripe-Signature", StripeSignature.signNow(event))
				.content(event)).andExpect(status().isServiceUnavailable());

			assertShortAndWithoutTrace(answer);
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

	}

	/**
	 * An endpoint set to send thin events (API v2): they carry no Checkout Session, so the store
	 * cannot read a purchase from them. A 400 makes each delivery show as failed in Stripe's
	 * Dashboard, and the log says what to change there.
	 */
	@Nested
	class ThinEvents {

		@Test
		void areRefusedWith400AndTheLogSaysToSendSnapshotEventsOfTheSdksVersion(CapturedOutput output)
				throws Exception {
			String thin = StripeStub.thinEvent("v2.core.event_destination.ping", "ed_test_61RM8ltWcCnXBZWNl16RM8",
					"v2.core.event_destination", "/v2/core/event_destinations/ed_test_61RM8ltWcCnXBZWNl16RM8");

			ResultActions answer = deliverSigned(thin).andExpect(status().isBadRequest());

			assertShortAndWithoutTrace(answer);
			assertThat(answer.andReturn().getResponse().getContentAsString())
				.isEqualTo("Thin events are not read here: send snapshot events of API version 2026-07-29.dahlia");
			assertThat(output.getOut()).contains("Refused a thin event (v2.core.event)")
				.contains("Snapshot events of API version 2026-07-29.dahlia");
			stripe.verify(0, anyRequestedFor(anyUrl()));
			verify(hooks, never()).postPurchase(any());
		}

	}

}
