package com.example.plain.webhook;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.plain.Concurrently;
import com.example.plain.PurchaseHooks;
import com.example.plain.Refund;
import com.example.plain.Refund.Kind;
import com.example.plain.StoreTest;
import com.example.plain.StripeSignature;
import com.example.plain.StripeStub;
import com.example.plain.catalog.Catalog;
import com.example.plain.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Refunds and disputes reaching the store through Stripe's webhook (signed events, Stripe's JSON):
 * the hook hears of each once, and the receipt and the download close at once, without waiting
 * for what the store last heard from Stripe to grow old.
 */
@StoreTest
class RefundsAndDisputesTests {

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	// The real hooks, watched: postRefund is counted, not replaced.
	@Autowired
	PurchaseHooks hooks;

	@Autowired
	Catalog catalog;

	Item item;

	// A new session, charge and event ids for each test: the store remembers them for a while.
	final String id = StripeStub.newSessionId();

	String paid;

	@BeforeEach
	void aPaidPurchaseWhoseReceiptWasSeen() throws Exception {
		item = catalog.firstItem();
		paid = StripeStub.paidSession(id, item);
		StripeStub.willReturnSession(stripe, id, paid);
		StripeStub.willUpdateSession(stripe, id, paid);
		StripeStub.willListSessionsOfPayment(stripe, paymentIntentOf(paid), paid);
		// The store now holds Stripe's answer for stripe.payment-cache-time (30s here).
		receipt().andExpect(content().string(containsString("Thank you!")));
	}

	static String paymentIntentOf(String session) {
		return json.readTree(session).get("payment_intent").get("id").asString();
	}

	ResultActions receipt() throws Exception {
		return mvc.perform(get("/receipt/" + id));
	}

	/** Stripe has changed the session's charge: the session and the charge read that way from now on. */
	void stripeNowHas(String session) {
		StripeStub.willReturnSession(stripe, id, session);
		StripeStub.willReturnCharge(stripe, StripeStub.chargeOf(session));
	}

	ResultActions deliver(String event) throws Exception {
		return mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", StripeSignature.signNow(event))
			.content(event));
	}

	String refundedEvent(String session) {
		return StripeStub.event("charge.refunded", StripeStub.chargeOf(session));
	}

	static String idOf(String event) {
		return json.readTree(event).get("id").asString();
	}

	Refund theRefund() {
		ArgumentCaptor<Refund> refund = ArgumentCaptor.forClass(Refund.class);
		verify(hooks, times(1)).postRefund(refund.capture());
		return refund.getValue();
	}

	@Nested
	class Refunds {

		@Test
		void aFullRefundCallsTheHookOnceAndClosesTheReceiptAtOnce() throws Exception {
			long price = item.amountInMinorUnits(1);
			String refunded = StripeStub.refunded(paid, price);
			stripeNowHas(refunded);
			String event = refundedEvent(refunded);

			deliver(event).andExpect(status().isOk());

			assertThat(theRefund()).isEqualTo(
					new Refund(id, item.id(), 1, Kind.REFUNDED, price, item.currency(), true, idOf(event)));
			receipt().andExpect(content().string(containsString("Payment refunded")));
		}

		@Test
		void aPartialRefundCallsTheHookWithTheAmountRefundedSoFar() throws Exception {
			String refunded = StripeStub.refunded(paid, 1);
			stripeNowHas(refunded);
			String event = refundedEvent(refunded);

			deliver(event).andExpect(status().isOk());

			assertThat(theRefund()).isEqualTo(new Refund(id, item.id(), 1, Kind.REFUNDED, 1, item.currency(), false,
					idOf(event)));
			receipt().andExpect(content().string(containsString("Payment refunded")));
		}

		@Test
		void theSameEventDeliveredTwiceCallsTheHookOnce() throws Exception {
			String refunded = StripeStub.refunded(paid, item.amountInMinorUnits(1));
			stripeNowHas(refunded);
			String event = refundedEvent(refunded);

			deliver(event).andExpect(status().isOk());
			deliver(event).andExpect(status().isOk());

			verify(hooks, times(1)).postRefund(any());
		}

		@Test
		void theSameEventDeliveredFiveTimesAtOnceCallsTheHookOnce() throws Exception {
			String refunded = StripeStub.refunded(paid, item.amountInMinorUnits(1));
			stripeNowHas(refunded);
			doAnswer(call -> {
				Thread.sleep(200);
				return call.callRealMethod();
			}).when(hooks).postRefund(any());
			String event = refundedEvent(refunded);

			List<Integer> statuses = Concurrently.run(5, () -> deliver(event).andReturn().getResponse().getStatus());

			assertThat(statuses).containsOnly(200);
			verify(hooks, times(1)).postRefund(any());
		}

	}

	@Nested
	class Disputes {

		final Pattern downloadLink = Pattern.compile("href=\"(/download/[^\"]+)\"");

		@Test
		void aDisputeClosesTheReceiptAndTheDownloadAtOnce() throws Exception {
			Matcher link = downloadLink.matcher(receipt().andReturn().getResponse().getContentAsString());
			assertThat(link.find()).as("a download link on the receipt").isTrue();
			mvc.perform(get(link.group(1))).andExpect(status().isOk());
			String disputed = StripeStub.disputed(paid);
			stripeNowHas(disputed);
			String event = StripeStub.event("charge.dispute.created", StripeStub.dispute(disputed, "needs_response"));

			deliver(event).andExpect(status().isOk());

			assertThat(theRefund()).isEqualTo(
					new Refund(id, item.id(), 1, Kind.DISPUTED, 0, item.currency(), false, idOf(event)));
			receipt().andExpect(content().string(containsString("Payment disputed")));
			mvc.perform(get(link.group(1))).andExpect(status().isForbidden())
				.andExpect(content().string(containsString("disputed")));
		}

		// The store treats a disputed charge as closed whatever the outcome (README, "Refunds and
		// disputes"): the hook is told how it ended, and the seller decides.
		@ParameterizedTest
		@CsvSource({ "won, DISPUTE_WON", "warning_closed, DISPUTE_WON", "lost, DISPUTE_LOST" })
		void aClosedDisputeTellsTheHookHowItEndedAndThePurchaseStaysClosed(String status, Kind kind)
				throws Exception {
			String disputed = StripeStub.disputed(paid);
			stripeNowHas(disputed);
			String event = StripeStub.event("charge.dispute.closed", StripeStub.dispute(disputed, status));

			deliver(event).andExpect(status().isOk());

			assertThat(theRefund().kind()).isEqualTo(kind);
			receipt().andExpect(content().string(containsString("Payment disputed")));
		}

	}

	@Nested
	class LeftAlone {

		@Test
		void aChargeOfAnotherStoresSessionIsAcknowledgedAndTheHookNotCalled() throws Exception {
			String refunded = StripeStub.refunded(paid, item.amountInMinorUnits(1));
			stripeNowHas(refunded);
			String anotherStores = StripeStub.with(refunded,
					session -> session.set("metadata", json.valueToTree(java.util.Map.of("store_id", "another-store"))));
			StripeStub.willListSessionsOfPayment(stripe, paymentIntentOf(paid), anotherStores);

			deliver(refundedEvent(refunded)).andExpect(status().isOk());

			verify(hooks, never()).postRefund(any());
			receipt().andExpect(content().string(containsString("Thank you!")));
		}

		@Test
		void aChargeOfNoCheckoutSessionIsAcknowledgedAndTheHookNotCalled() throws Exception {
			String refunded = StripeStub.refunded(paid, item.amountInMinorUnits(1));
			stripeNowHas(refunded);
			StripeStub.willListSessionsOfPayment(stripe, paymentIntentOf(paid));

			deliver(refundedEvent(refunded)).andExpect(status().isOk());

			verify(hooks, never()).postRefund(any());
		}

		@Test
		void aChargeStripeDoesNotKnowIsAcknowledgedAndTheHookNotCalled() throws Exception {
			String refunded = StripeStub.refunded(paid, item.amountInMinorUnits(1));
			stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/charges/" + json.readTree(StripeStub.chargeOf(paid))
				.get("id")
				.asString()))
				.willReturn(aResponse().withStatus(404)
					.withHeader("Content-Type", "application/json")
					.withBody(StripeStub.error("invalid_request_error", "resource_missing", "No such charge"))));

			deliver(refundedEvent(refunded)).andExpect(status().isOk());

			verify(hooks, never()).postRefund(any());
		}

		@Test
		void aRefundEventThatCarriesNoChargeIsAcknowledgedWithoutAskingStripe() throws Exception {
			stripe.resetRequests();

			deliver(StripeStub.event("charge.refunded", paid)).andExpect(status().isOk());

			stripe.verify(0, anyRequestedFor(anyUrl()));
			verify(hooks, never()).postRefund(any());
		}

	}

	@Nested
	class WhenSomethingFails {

		@Test
		void whenStripeCannotBeAskedStripeIsAskedToDeliverAgainAndTheHookIsNotCalled() throws Exception {
			String refunded = StripeStub.refunded(paid, item.amountInMinorUnits(1));
			String event = refundedEvent(refunded);
			String chargeUrl = "/v1/charges/" + json.readTree(StripeStub.chargeOf(paid)).get("id").asString();
			// Failing when asked for the charge, then when asked for the sessions of its payment.
			for (String failing : List.of(chargeUrl, "/v1/checkout/sessions")) {
				stripeNowHas(refunded);
				stripe.stubFor(WireMock.get(urlPathEqualTo(failing)).willReturn(StripeWebhookControllerTests.stripeFails()));

				ResultActions answer = deliver(event).andExpect(status().isServiceUnavailable());

				StripeWebhookControllerTests.assertShortAndWithoutTrace(answer);
				verify(hooks, never()).postRefund(any());
			}

			// Stripe is back: the next delivery is handled.
			stripeNowHas(refunded);
			StripeStub.willListSessionsOfPayment(stripe, paymentIntentOf(paid), refunded);
			deliver(event).andExpect(status().isOk());
			verify(hooks, times(1)).postRefund(any());
		}

		@Test
		void whenTheHookThrowsTheWebhookAnswers500AndTheNextDeliveryCallsItAgain() throws Exception {
			String refunded = StripeStub.refunded(paid, item.amountInMinorUnits(1));
			stripeNowHas(refunded);
			doThrow(new IllegalStateException("database down")).doCallRealMethod().when(hooks).postRefund(any());
			String event = refundedEvent(refunded);

			ResultActions failed = deliver(event).andExpect(status().isInternalServerError());
			StripeWebhookControllerTests.assertShortAndWithoutTrace(failed);
			// Closed all the same.
			receipt().andExpect(content().string(containsString("Payment refunded")));

			deliver(event).andExpect(status().isOk());

			verify(hooks, times(2)).postRefund(any());
		}

	}

}
