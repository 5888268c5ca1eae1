package com.example.hostile.downloads;

import java.net.http.HttpResponse;

import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

/**
 * Your {@link PurchaseHooks#prePurchase} in the running store, over HTTP as a shopper's browser
 * reaches it: what it refuses never reaches Stripe, and the price it sets is the price Stripe
 * charges. Copy a test here when you write a rule of your own.
 */
@StoreTest
class PurchaseRefusalTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	PurchaseHooks hooks;

	@Autowired
	Catalog catalog;

	@LocalServerPort
	int port;

	Shopper shopper;

	Item item;

	@BeforeEach
	void aShopperOnTheItemPage() {
		item = catalog.firstItem();
		fakeStripe.answer(stripe);
		shopper = new Shopper(port);
		shopper.opensTheItemPage();
	}

	@Test
	void aRefusedOrderShowsTheShopperTheMessageAndStripeIsNeverCalled() {
		doThrow(new PurchaseRefusedException("Sorry, " + item.name() + " is sold out."))
			.when(hooks)
			.prePurchase(any());

		HttpResponse<String> answer = shopper.post("/checkout", CheckoutJson.order(item.id()));

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(Shopper.json(answer).path("detail").asString()).isEqualTo("Sorry, " + item.name() + " is sold out.");
		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aLowerPriceSetByPrePurchaseIsWhatStripeChargesAndTheReceiptAccepts() {
		int quantity = Math.min(3, catalog.maxQuantity());
		long discounted = item.amountInMinorUnits(1) * 90 / 100;
		doAnswer(call -> call.<Order>getArgument(0).withUnitAmount(discounted)).when(hooks).prePurchase(any());

		String sessionId = shopper.opensTheCheckout(item.id(), quantity);

		stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
			.withFormParam("line_items[0][quantity]", equalTo(Integer.toString(quantity)))
			.withFormParam("line_items[0][price_data][unit_amount]", equalTo(Long.toString(discounted)))
			.withFormParam("metadata[subtotal]", equalTo(Long.toString(discounted * quantity))));
		// The session's subtotal matches what the store wrote down: it is recognised as the store's own.
		fakeStripe.pay(sessionId);
		HttpResponse<String> receipt = shopper.get("/receipt/" + sessionId);
		assertThat(receipt.statusCode()).isEqualTo(200);
		assertThat(receipt.body()).contains("Thank you!",
				Item.formatMinorUnits(discounted * quantity, item.currency(), catalog.locale()));
	}

}
