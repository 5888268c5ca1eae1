package com.example.downloads;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.example.downloads.catalog.Catalog;
import com.example.downloads.catalog.Item;
import com.example.downloads.checkout.PurchaseHooks;
import com.example.downloads.checkout.ReceiptLinks;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Stripe account's other payments: a payment link, an invoice, another store on the same
 * account, or one that copies this store's metadata but not its price. Stripe's webhook sends the
 * store all of them; none may run postPurchase, be marked fulfilled, or get a receipt.
 */
@StoreTest
class ForeignPaymentTests {

	@Autowired
	WireMockServer stripe;

	static final AtomicInteger payments = new AtomicInteger();

	// A new payment for each test: the store remembers for a while which payments it fulfilled.
	final String PI = "pi_3Foreign" + payments.incrementAndGet();

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	ReceiptLinks receiptLinks;

	// The real hooks, watched: postPurchase is counted, not replaced.
	@Autowired
	PurchaseHooks hooks;

	Item item;

	@BeforeEach
	void sellTheFirstItem() {
		item = catalog.firstItem();
	}

	/** Each kind of payment this store did not make, as its metadata and the amount Stripe charged. */
	Map<String, String> metadataOf(String payment) {
		Map<String, String> metadata = new HashMap<>(StripeStub.storeMetadata(item, 1));
		switch (payment) {
			case "a payment link's, with no metadata" -> metadata.clear();
			case "one with this store's item id but no store id" -> metadata.remove("store_id");
			case "another store's on the same account" -> metadata.put("store_id", "another-store");
			case "one naming an item this store does not sell" -> metadata.put("item_id", "not-sold-here");
			case "one whose quantity is not a number" -> metadata.put("quantity", "many");
			default -> throw new IllegalArgumentException(payment);
		}
		return metadata;
	}

	String succeeded(Map<String, String> metadata, long amount) {
		return succeeded(metadata, amount, item.currency());
	}

	String succeeded(Map<String, String> metadata, long amount, String currency) {
		return StripeStub.paymentIntent(PI, "succeeded", amount, currency, metadata);
	}

	void deliverSucceededEvent(String intent) throws Exception {
		String event = StripeStub.event("payment_intent.succeeded", intent);
		mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", StripeSignature.signNow(event))
			.content(event))
			// Acknowledged, or Stripe would send it again for days.
			.andExpect(status().isOk());
	}

	@ParameterizedTest
	@ValueSource(strings = { "a payment link's, with no metadata", "one with this store's item id but no store id",
			"another store's on the same account", "one naming an item this store does not sell",
			"one whose quantity is not a number" })
	void theWebhookAcknowledgesAnotherPaymentAndLeavesItAlone(String payment) throws Exception {
		String intent = succeeded(metadataOf(payment), item.amountInMinorUnits(1));
		StripeStub.willReturnPaymentIntent(stripe, PI, intent);

		deliverSucceededEvent(intent);

		verify(hooks, never()).postPurchase(any());
		stripe.verify(0, postRequestedFor(urlPathMatching("/v1/payment_intents/.*")));
	}

	@Test
	void aPaymentWithThisStoresMetadataForOneCentIsNotFulfilled() throws Exception {
		// Everything copied from a real purchase of this store but the amount Stripe charged.
		String intent = succeeded(StripeStub.storeMetadata(item, 1), 1);
		StripeStub.willReturnPaymentIntent(stripe, PI, intent);

		deliverSucceededEvent(intent);

		verify(hooks, never()).postPurchase(any());
		stripe.verify(0, postRequestedFor(urlPathMatching("/v1/payment_intents/.*")));
	}

	@Test
	void aPaymentWithThisStoresMetadataInAnotherCurrencyIsNotFulfilled() throws Exception {
		String otherCurrency = "eur".equals(item.currency()) ? "usd" : "eur";
		String intent = succeeded(StripeStub.storeMetadata(item, 1), item.amountInMinorUnits(1), otherCurrency);
		StripeStub.willReturnPaymentIntent(stripe, PI, intent);

		deliverSucceededEvent(intent);

		verify(hooks, never()).postPurchase(any());
		stripe.verify(0, postRequestedFor(urlPathMatching("/v1/payment_intents/.*")));
	}

	@Test
	void anotherPaymentsClientSecretGetsNoReceiptFromTheCompletionStep() throws Exception {
		String intent = succeeded(metadataOf("a payment link's, with no metadata"), item.amountInMinorUnits(1));
		StripeStub.willReturnPaymentIntent(stripe, PI, intent);

		mvc.perform(post("/purchase/complete").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"clientSecret\": \"" + StripeStub.clientSecret(PI) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.receiptUrl").doesNotExist());

		verify(hooks, never()).postPurchase(any());
		stripe.verify(0, postRequestedFor(urlPathMatching("/v1/payment_intents/.*")));
	}

	@Test
	void anotherPaymentHasNoReceiptPage() throws Exception {
		StripeStub.willReturnPaymentIntent(stripe, PI,
				succeeded(metadataOf("another store's on the same account"), item.amountInMinorUnits(1)));

		mvc.perform(get(receiptLinks.pathFor(PI)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Thank you"))));
	}

	@Test
	void thisStoresOwnPaymentIsStillFulfilled() throws Exception {
		// The control: the same delivery for a payment the store made does run postPurchase.
		String intent = succeeded(StripeStub.storeMetadata(item, 1), item.amountInMinorUnits(1));
		StripeStub.willReturnPaymentIntent(stripe, PI, intent);
		StripeStub.willUpdatePaymentIntent(stripe, PI, intent);

		deliverSucceededEvent(intent);

		verify(hooks).postPurchase(any());
		stripe.verify(1, postRequestedFor(urlPathMatching("/v1/payment_intents/" + PI)));
	}

}
