package com.example.shop.checkout;

import java.util.concurrent.atomic.AtomicInteger;

import com.example.shop.StoreTest;
import com.example.shop.StripeStub;
import com.example.shop.catalog.Catalog;
import com.example.shop.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The receipt page reads the payment back from Stripe, behind an unguessable address. */
@StoreTest
class ReceiptControllerTests {

	@Autowired
	WireMockServer stripe;

	static final AtomicInteger payments = new AtomicInteger();

	// A new payment for each test: the store reuses what Stripe said about a payment for a while.
	final String PI = "pi_3TestReceipt" + payments.incrementAndGet();

	@Autowired
	MockMvc mvc;

	@Autowired
	ReceiptLinks receiptLinks;

	@Autowired
	Catalog catalog;

	String paymentIntent(String status) {
		Item item = catalog.firstItem();
		return StripeStub.paymentIntent(PI, status, item.amountInMinorUnits(1), item.currency(),
				StripeStub.storeMetadata(item, 1));
	}

	@Test
	void showsWhatWasPaidAsStripeReportsIt() throws Exception {
		StripeStub.willReturnPaymentIntent(stripe, PI, paymentIntent("succeeded"));
		Item item = catalog.firstItem();

		mvc.perform(get(receiptLinks.pathFor(PI)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thank you!")))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(item.name(), "UTF-8"))))
			.andExpect(content().string(containsString(item.formattedPrice(catalog.locale()))))
			.andExpect(content().string(containsString(PI)))
			// On every page, as Stripe asks, for its fraud signals: not only where the payment form is.
			// (The tests' stand-in here; ItemControllerTests and CatalogControllerTests check Stripe's address.)
			.andExpect(content().string(containsString("<script src=\"" + StripeStub.FAKE_STRIPE_JS + "\" defer></script>")));
	}

	@Test
	void aPaymentThatFailedSaysSo() throws Exception {
		StripeStub.willReturnPaymentIntent(stripe, PI, paymentIntent("requires_payment_method"));

		mvc.perform(get(receiptLinks.pathFor(PI)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Payment not completed")));
	}

	@Test
	void aGuessedAddressIsNotFoundAndStripeIsNotAsked() throws Exception {
		mvc.perform(get("/receipt/" + PI + "/guessed")).andExpect(status().isNotFound());
		mvc.perform(get(receiptLinks.pathFor("pi_3SomeoneElse").replace("pi_3SomeoneElse", PI)))
			.andExpect(status().isNotFound());

		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aLinkOpenedOverAndOverAsksStripeOnce() throws Exception {
		// Stripe's rate limit is per account: one link reloaded in a loop must not use it up.
		StripeStub.willReturnPaymentIntent(stripe, PI, paymentIntent("succeeded"));

		for (int i = 0; i < 50; i++) {
			mvc.perform(get(receiptLinks.pathFor(PI))).andExpect(status().isOk());
		}

		stripe.verify(1, getRequestedFor(urlPathEqualTo("/v1/payment_intents/" + PI)));
	}

	@Test
	void whenStripeIsDownTheShopperIsAskedToTryAgainInTheStoresLayout() throws Exception {
		stripe.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/payment_intents/" + PI))
			.willReturn(aResponse().withStatus(500)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong on Stripe's end.\"}}")));

		mvc.perform(get(receiptLinks.pathFor(PI)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("try again in a minute")))
			.andExpect(content().string(containsString("class=\"site-header\"")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Nested
	class AfterThePayment {

		@Test
		void aRefundedPaymentSaysSoAndNotThatItWentThrough() throws Exception {
			Item item = catalog.firstItem();
			StripeStub.willReturnPaymentIntent(stripe, PI,
					StripeStub.refunded(paymentIntent("succeeded"), item.amountInMinorUnits(1)));

			mvc.perform(get(receiptLinks.pathFor(PI)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Payment refunded")))
				.andExpect(content().string(not(containsString("Your payment went through"))))
				.andExpect(content().string(not(containsString("href=\"/download/"))));
		}

		@Test
		void aPartlyRefundedPaymentSaysHowMuch() throws Exception {
			Item item = catalog.firstItem();
			long part = Math.max(1, item.amountInMinorUnits(1) / 2);
			StripeStub.willReturnPaymentIntent(stripe, PI, StripeStub.refunded(paymentIntent("succeeded"), part));

			mvc.perform(get(receiptLinks.pathFor(PI)))
				.andExpect(content().string(containsString(Item.formatMinorUnits(part, item.currency(), catalog.locale())
						+ " of this payment was refunded")))
				.andExpect(content().string(not(containsString("href=\"/download/"))));
		}

		@Test
		void aDisputedPaymentSaysSo() throws Exception {
			StripeStub.willReturnPaymentIntent(stripe, PI, StripeStub.disputed(paymentIntent("succeeded")));

			mvc.perform(get(receiptLinks.pathFor(PI)))
				.andExpect(content().string(containsString("Payment disputed")))
				.andExpect(content().string(not(containsString("Your payment went through"))))
				.andExpect(content().string(not(containsString("href=\"/download/"))));
		}

		@Test
		void aPaymentStillProcessingPromisesAnEmailOnlyWhenOneWasGiven() throws Exception {
			ObjectNode intent = (ObjectNode) JsonMapper.builder().build().readTree(paymentIntent("processing"));
			intent.putNull("receipt_email");
			StripeStub.willReturnPaymentIntent(stripe, PI, intent.toString());

			mvc.perform(get(receiptLinks.pathFor(PI)))
				.andExpect(content().string(containsString("Open this page again later")))
				.andExpect(content().string(not(containsString("You will get an email"))));
		}

		@Test
		void aPaymentStillProcessingWithAnEmailSaysOneWillCome() throws Exception {
			StripeStub.willReturnPaymentIntent(stripe, PI, paymentIntent("processing"));

			mvc.perform(get(receiptLinks.pathFor(PI)))
				.andExpect(content().string(containsString("You will get an email")));
		}

	}

}
