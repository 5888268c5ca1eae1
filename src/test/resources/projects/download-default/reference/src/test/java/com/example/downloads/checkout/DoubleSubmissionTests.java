package com.example.downloads.checkout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.example.downloads.Concurrently;
import com.example.downloads.Csrf;
import com.example.downloads.StoreTest;
import com.example.downloads.StripeSignature;
import com.example.downloads.StripeStub;
import com.example.downloads.catalog.Catalog;
import com.example.downloads.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A shopper who clicks Pay many times, a browser that retries, and Stripe's webhook arriving at
 * the same moment: one payment, one fulfilment. Stripe is played by WireMock; like Stripe, it
 * answers every create with the same key with the first PaymentIntent, not yet marked fulfilled.
 */
@StoreTest
class DoubleSubmissionTests {

	@Autowired
	WireMockServer stripe;

	static final int SUBMISSIONS = 20;

	static final String TOKEN = "ctoken_1DoubleSubmission";

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	// The real hooks, watched: postPurchase is counted, not replaced.
	@Autowired
	PurchaseHooks hooks;

	Item item;

	@BeforeEach
	void slowPostPurchase() {
		item = catalog.firstItem();
		// A postPurchase that takes a while (sending an e-mail, say) keeps the first fulfilment
		// open while the other requests arrive: the case the claim must handle.
		doAnswer((call) -> {
			Thread.sleep(200);
			return call.callRealMethod();
		}).when(hooks).postPurchase(any());
	}

	String intent(String id, Map<String, String> metadata) {
		return StripeStub.paymentIntent(id, "succeeded", item.amountInMinorUnits(1), item.currency(), metadata);
	}

	Map<String, String> unfulfilled() {
		return StripeStub.storeMetadata(item, 1);
	}

	Map<String, String> fulfilled() {
		return StripeStub.storeMetadata(item, 1, "fulfilled", "true");
	}

	MockHttpServletResponse purchase(String token) throws Exception {
		return mvc.perform(post("/purchase").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"confirmationTokenId": "%s", "itemId": "%s", "quantity": 1, "email": "shopper@example.com"}"""
				.formatted(token, item.id())))
			.andReturn()
			.getResponse();
	}

	MockHttpServletResponse deliver(String event) throws Exception {
		return mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", StripeSignature.signNow(event))
			.content(event))
			.andReturn()
			.getResponse();
	}

	@Test
	void manySubmissionsOfOneTokenPayOnceFulfilOnceAndAllGetTheSameReceipt() throws Exception {
		String pi = "pi_3DoubleSubmission";
		StripeStub.willCreatePaymentIntent(stripe, intent(pi, unfulfilled()));
		StripeStub.willUpdatePaymentIntent(stripe, pi, intent(pi, fulfilled()));

		List<MockHttpServletResponse> answers = Concurrently.run(SUBMISSIONS, () -> purchase(TOKEN));
		// One more, after all have answered: Stripe still replays the unmarked PaymentIntent.
		answers.add(purchase(TOKEN));

		List<LoggedRequest> creates = stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
		assertThat(creates).hasSize(SUBMISSIONS + 1);
		assertThat(new HashSet<>(creates.stream().map((create) -> create.getHeader("Idempotency-Key")).toList()))
			.containsExactly("purchase-" + TOKEN);
		List<String> bodies = new ArrayList<>();
		for (MockHttpServletResponse answer : answers) {
			assertThat(answer.getStatus()).isEqualTo(200);
			bodies.add(answer.getContentAsString());
		}
		assertThat(bodies.get(0)).contains("\"receiptUrl\":\"/receipt/" + pi + "/");
		assertThat(new HashSet<>(bodies)).containsExactly(bodies.get(0));
		verify(hooks, times(1)).postPurchase(any());
		stripe.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + pi))
			.withFormParam("metadata[fulfilled]", equalTo("true")));
	}

	@Test
	void theWebhookRacingTheShoppersBrowserFulfilsOnce() throws Exception {
		String pi = "pi_3WebhookRace";
		String token = "ctoken_1WebhookRace";
		// Both read the payment before either marked it.
		StripeStub.willCreatePaymentIntent(stripe, intent(pi, unfulfilled()));
		StripeStub.willReturnPaymentIntent(stripe, pi, intent(pi, unfulfilled()));
		StripeStub.willUpdatePaymentIntent(stripe, pi, intent(pi, fulfilled()));
		String event = StripeStub.event("payment_intent.succeeded", intent(pi, unfulfilled()));

		List<Callable<MockHttpServletResponse>> racers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			racers.add(() -> purchase(token));
			racers.add(() -> deliver(event));
		}
		List<MockHttpServletResponse> answers = Concurrently.run(racers);

		assertThat(answers).allSatisfy((answer) -> assertThat(answer.getStatus()).isEqualTo(200));
		verify(hooks, times(1)).postPurchase(any());
		stripe.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + pi))
			.withFormParam("metadata[fulfilled]", equalTo("true")));
	}

}
