package com.example.hostile.downloads.fulfilment;

import java.util.HashMap;
import java.util.Map;

import com.example.hostile.downloads.Purchase;
import com.example.hostile.downloads.PurchaseHooks;
import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.StripeSignature;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Stripe account's other Checkout Sessions: a payment link's, another store's on the same
 * account, or one that copies this store's metadata but not its price. Stripe's webhook sends the
 * store all of them, and anyone can type a session id into a receipt address; none may run
 * postPurchase, be marked fulfilled, or get a receipt. Issue 7's rule.
 */
@StoreTest
class ForeignSessionTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	// The real hooks, watched: postPurchase is counted, not replaced.
	@Autowired
	PurchaseHooks hooks;

	Item item;

	String otherCurrency;

	// A new session for each test: the store remembers for a while what Stripe said about one.
	final String id = StripeStub.newSessionId();

	@BeforeEach
	void sellTheFirstItem() {
		item = catalog.firstItem();
		otherCurrency = "eur".equals(item.currency()) ? "usd" : "eur";
	}

	long priced() {
		return item.amountInMinorUnits(1);
	}

	/** A paid session: complete, its payment through and not yet marked fulfilled. */
	String paid(long subtotal, String currency, Map<String, String> metadata) {
		return StripeStub.session(id, "complete", "paid", subtotal, currency, metadata);
	}

	/**
	 * As Stripe reports a session Adaptive Pricing charged in the buyer's currency: in the store's
	 * own currency and amounts, with what the buyer saw in presentment_details (API versions from
	 * 2025-03-31 on; the older currency_conversion is null).
	 */
	String converted() {
		return StripeStub.with(paid(priced(), item.currency(), StripeStub.storeMetadata(item, 1)), session -> {
			ObjectNode presented = session.putObject("presentment_details");
			presented.put("presentment_amount", priced() * 9 / 10);
			presented.put("presentment_currency", otherCurrency);
		});
	}

	/** Each kind of session this store did not make, as Stripe would report it. */
	String foreign(String session) {
		Map<String, String> metadata = new HashMap<>(StripeStub.storeMetadata(item, 1));
		switch (session) {
			case "a payment link's, with no metadata" -> metadata.clear();
			case "one with this store's item but no store id" -> metadata.remove("store_id");
			case "another store's on the same account" -> metadata.put("store_id", "another-store");
			case "one naming an item this store does not sell" -> metadata.put("item_id", "not-sold-here");
			case "one whose quantity is not a number" -> metadata.put("quantity", "many");
			case "one whose quantity is more than the store sells at once" ->
				metadata.put("quantity", Integer.toString(catalog.maxQuantity() + 1));
			// Everything copied from a purchase of this store's but what Stripe charged.
			case "one charging a cent less than the store priced" -> {
				return paid(priced() - 1, item.currency(), metadata);
			}
			case "one charging the price in another currency" -> {
				return paid(priced(), otherCurrency, metadata);
			}
			case "one priced in another currency throughout" -> {
				metadata.put("currency", otherCurrency);
				return paid(priced(), otherCurrency, metadata);
			}
			default -> throw new IllegalArgumentException(session);
		}
		return paid(priced(), item.currency(), metadata);
	}

	void deliverCompletedEvent(String session) throws Exception {
		String event = StripeStub.event("checkout.session.completed", session);
		mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", StripeSignature.signNow(event))
			.content(event))
			// Acknowledged, or Stripe would deliver it again for days.
			.andExpect(status().isOk());
	}

	void stripeHas(String session) {
		StripeStub.willReturnSession(stripe, id, session);
		StripeStub.willUpdateSession(stripe, id, session);
	}

	void assertLeftAlone() {
		verify(hooks, never()).postPurchase(any());
		stripe.verify(0, postRequestedFor(urlPathMatching("/v1/checkout/sessions/.*")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "a payment link's, with no metadata", "one with this store's item but no store id",
			"another store's on the same account", "one naming an item this store does not sell",
			"one whose quantity is not a number", "one whose quantity is more than the store sells at once",
			"one charging a cent less than the store priced", "one charging the price in another currency",
			"one priced in another currency throughout" })
	void theWebhookAcknowledgesAnotherSessionAndLeavesItAlone(String session) throws Exception {
		stripeHas(foreign(session));

		deliverCompletedEvent(foreign(session));

		assertLeftAlone();
	}

	@Test
	void aSessionThatLooksForeignOnlyWhenReadAgainIsLeftAlone() throws Exception {
		// The event carries this store's session; Stripe, asked again, says otherwise.
		stripeHas(foreign("one charging a cent less than the store priced"));

		deliverCompletedEvent(paid(priced(), item.currency(), StripeStub.storeMetadata(item, 1)));

		assertLeftAlone();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a payment link's, with no metadata", "another store's on the same account",
			"one charging a cent less than the store priced" })
	void anotherSessionHasNoReceiptPage(String session) throws Exception {
		stripeHas(foreign(session));

		mvc.perform(get("/receipt/" + id))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Thank you"))));

		assertLeftAlone();
	}

	@Test
	void thisStoresOwnSessionIsFulfilled() throws Exception {
		// The control: the same delivery for a session the store made does run postPurchase.
		String session = paid(priced(), item.currency(), StripeStub.storeMetadata(item, 1));
		stripeHas(session);

		deliverCompletedEvent(session);

		verify(hooks).postPurchase(any());
		stripe.verify(1, postRequestedFor(urlPathMatching("/v1/checkout/sessions/" + id)));
	}

	@Test
	void aSessionAdaptivePricingChargedInTheBuyersCurrencyIsThisStoresOwn() throws Exception {
		String session = converted();
		stripeHas(session);

		deliverCompletedEvent(session);

		ArgumentCaptor<Purchase> purchase = ArgumentCaptor.forClass(Purchase.class);
		verify(hooks).postPurchase(purchase.capture());
		// Stripe keeps the session, and so the purchase, in the store's own currency.
		assertThat(purchase.getValue().currency()).isEqualTo(item.currency());
		assertThat(purchase.getValue().amountTotal()).isEqualTo(priced());
		stripe.verify(1, postRequestedFor(urlPathMatching("/v1/checkout/sessions/" + id)));
	}

	@Test
	void aSessionAdaptivePricingChargedInTheBuyersCurrencyGetsItsReceiptInTheStoresCurrency() throws Exception {
		stripeHas(converted());

		mvc.perform(get("/receipt/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thank you!")))
			.andExpect(content().string(containsString(Item.formatMinorUnits(priced(), item.currency(), catalog.locale()))));
	}

}
