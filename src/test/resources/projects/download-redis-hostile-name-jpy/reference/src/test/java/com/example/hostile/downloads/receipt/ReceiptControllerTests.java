package com.example.hostile.downloads.receipt;

import com.example.hostile.downloads.PurchaseHooks;
import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.StripeSignature;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The receipt page, where Stripe sends the buyer back: it reads the Checkout Session from Stripe,
 * fulfils it once it is paid, and says where the purchase stands.
 */
@StoreTest
class ReceiptControllerTests {

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

	// A new session for each test: the store reuses what Stripe said about a session for a while.
	final String id = StripeStub.newSessionId();

	@BeforeEach
	void sellTheFirstItem() {
		item = catalog.firstItem();
	}

	String paid() {
		return StripeStub.paidSession(id, item);
	}

	void stripeHas(String session) {
		StripeStub.willReturnSession(stripe, id, session);
		StripeStub.willUpdateSession(stripe, id, session);
	}

	ResultActions openTheReceipt() throws Exception {
		return mvc.perform(get("/receipt/" + id));
	}

	RequestPatternBuilder marking() {
		return postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + id)).withFormParam("metadata[fulfilled]",
				equalTo("true"));
	}

	String money(long minorUnits) {
		return Item.formatMinorUnits(minorUnits, item.currency(), catalog.locale());
	}

	@Test
	void aPaidPurchaseIsThankedShownAsStripeReportsItAndFulfilledOnce() throws Exception {
		stripeHas(paid());

		openTheReceipt().andExpect(status().isOk())
			.andExpect(content().string(containsString("Thank you!")))
			.andExpect(content().string(containsString("Your payment went through")))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(item.name(), "UTF-8"))))
			.andExpect(content().string(containsString(item.formattedPrice(catalog.locale()))))
			.andExpect(content().string(containsString("shopper@example.com")))
			// The reference the buyer quotes is the Checkout Session's id, as the seller finds it at Stripe.
			.andExpect(content().string(containsString("<code>" + id + "</code>")))
			// On every page, as Stripe asks, for its fraud signals: not only where the payment form is.
			.andExpect(content().string(containsString("<script src=\"" + StripeStub.STRIPE_JS + "\" defer></script>")));

		verify(hooks, times(1)).postPurchase(any());
		stripe.verify(1, marking());
	}

	@Test
	void aReloadShowsTheReceiptAgainWithoutFulfillingAgain() throws Exception {
		stripeHas(paid());

		for (int i = 0; i < 3; i++) {
			openTheReceipt().andExpect(status().isOk()).andExpect(content().string(containsString("Thank you!")));
		}

		verify(hooks, times(1)).postPurchase(any());
		stripe.verify(1, marking());
	}

	@Test
	void aReceiptOpenedOverAndOverAsksStripeOnce() throws Exception {
		// Stripe's rate limit is per account: one address reloaded in a loop must not use it up.
		stripeHas(paid());

		for (int i = 0; i < 50; i++) {
			openTheReceipt().andExpect(status().isOk());
		}

		stripe.verify(1, getRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + id)));
	}

	@Test
	void aPurchaseMarkedFulfilledAtStripeIsShownButNotFulfilledAgain() throws Exception {
		// Fulfilled by another instance of the store, or by the webhook before a restart.
		stripeHas(StripeStub.storeSession(id, "complete", "paid", item, 1, "fulfilled", "true"));

		openTheReceipt().andExpect(status().isOk()).andExpect(content().string(containsString("Thank you!")));

		verify(hooks, never()).postPurchase(any());
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + id)));
	}

	@Test
	void aPurchaseAPromotionCodeMadeFreeIsThankedAndFulfilled() throws Exception {
		stripeHas(StripeStub.with(StripeStub.storeSession(id, "complete", "no_payment_required", item, 1), session -> {
			session.put("amount_total", 0);
			((ObjectNode) session.get("total_details")).put("amount_discount", item.amountInMinorUnits(1));
		}));

		openTheReceipt().andExpect(status().isOk())
			.andExpect(content().string(containsString("Thank you!")))
			.andExpect(content().string(containsString("&minus;" + item.formattedPrice(catalog.locale()))));

		verify(hooks, times(1)).postPurchase(any());
	}

	@Test
	void aDiscountAndTaxAreShownAsStripeComputedThem() throws Exception {
		long subtotal = item.amountInMinorUnits(1);
		long discount = Math.max(1, subtotal / 5);
		long tax = Math.max(1, subtotal / 10);
		stripeHas(StripeStub.with(paid(), session -> {
			session.put("amount_total", subtotal - discount + tax);
			((ObjectNode) session.get("total_details")).put("amount_discount", discount).put("amount_tax", tax);
		}));

		openTheReceipt().andExpect(status().isOk())
			.andExpect(content().string(containsString("<dt>Discount</dt><dd>&minus;" + money(discount) + "</dd>")))
			.andExpect(content().string(containsString("<dt>Tax</dt><dd>" + money(tax) + "</dd>")))
			.andExpect(content().string(containsString("<dt>Total</dt><dd>" + money(subtotal - discount + tax) + "</dd>")));
	}

	@Test
	void withoutADiscountOrTaxNeitherIsShown() throws Exception {
		stripeHas(paid());

		openTheReceipt().andExpect(content().string(not(containsString("<dt>Discount</dt>"))))
			.andExpect(content().string(not(containsString("<dt>Tax</dt>"))));
	}

	@Test
	void whatTheBuyerTypedIsEscaped() throws Exception {
		stripeHas(StripeStub.with(paid(), session -> ((ObjectNode) session.get("customer_details"))
			.put("email", "\"<img src=x onerror=alert(1)>\"@example.com")));

		openTheReceipt().andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")))
			.andExpect(content().string(not(containsString("<img src=x"))));
	}

	@Nested
	class NotPaid {

		@Test
		void aPaymentStillProcessingSaysSoAndIsNotFulfilled() throws Exception {
			stripeHas(StripeStub.storeSession(id, "complete", "unpaid", item, 1));

			openTheReceipt().andExpect(status().isOk())
				.andExpect(content().string(containsString("Your payment is being processed")))
				.andExpect(content().string(containsString("Stripe emails you too")))
				.andExpect(content().string(not(containsString("Your payment went through"))));

			verify(hooks, never()).postPurchase(any());
			stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + id)));
		}

		@Test
		void aPaymentStillProcessingPromisesAnEmailOnlyWhenOneWasGiven() throws Exception {
			stripeHas(StripeStub.with(StripeStub.storeSession(id, "complete", "unpaid", item, 1),
					session -> ((ObjectNode) session.get("customer_details")).putNull("email")));

			openTheReceipt().andExpect(content().string(containsString("Your payment is being processed")))
				.andExpect(content().string(not(containsString("Stripe emails you"))));
		}

		@ParameterizedTest
		@ValueSource(strings = { "open", "expired" })
		void aBuyerBackWithoutPayingIsToldNothingWasCharged(String status) throws Exception {
			stripeHas(StripeStub.storeSession(id, status, "unpaid", item, 1));

			openTheReceipt().andExpect(status().isOk())
				.andExpect(content().string(containsString("Payment not completed")))
				.andExpect(content().string(containsString("you were not charged")))
				.andExpect(content().string(not(containsString("Thank you"))));

			verify(hooks, never()).postPurchase(any());
		}

	}

	@Nested
	class AfterThePayment {

		@Test
		void aRefundedPurchaseSaysSoAndNotThatItWentThrough() throws Exception {
			stripeHas(StripeStub.refunded(paid(), item.amountInMinorUnits(1)));

			openTheReceipt().andExpect(status().isOk())
				.andExpect(content().string(containsString("Payment refunded")))
				.andExpect(content().string(containsString(money(item.amountInMinorUnits(1)) + " of this payment was refunded")))
				.andExpect(content().string(not(containsString("Your payment went through"))))
				.andExpect(content().string(not(containsString("href=\"/download/"))));
			verify(hooks, never()).postPurchase(any());
		}

		@Test
		void aPartlyRefundedPurchaseSaysHowMuch() throws Exception {
			long part = Math.max(1, item.amountInMinorUnits(1) / 2);
			stripeHas(StripeStub.refunded(paid(), part));

			openTheReceipt().andExpect(content().string(containsString("Payment refunded")))
				.andExpect(content().string(containsString(money(part) + " of this payment was refunded")))
				.andExpect(content().string(not(containsString("href=\"/download/"))));
		}

		@Test
		void aDisputedPurchaseSaysSo() throws Exception {
			stripeHas(StripeStub.disputed(paid()));

			openTheReceipt().andExpect(status().isOk())
				.andExpect(content().string(containsString("Payment disputed")))
				.andExpect(content().string(not(containsString("Your payment went through"))))
				.andExpect(content().string(not(containsString("href=\"/download/"))));
			verify(hooks, never()).postPurchase(any());
		}

	}

	@Nested
	class NoSuchReceipt {

		@ParameterizedTest
		@ValueSource(strings = { "pi_3NotASession", "cs_test_short", "cs_live_", "cs_other_a1b2c3d4e5f6g7h8i9",
				"cs_test_a1b2c3d4e5f6g7h8i9-", "cs_test_a1b2c3d4e5f6g7h8i9.json" })
		void anAddressThatIsNoSessionIdIsNotFoundAndStripeIsNotAsked(String notAnId) throws Exception {
			mvc.perform(get("/receipt/" + notAnId)).andExpect(status().isNotFound());

			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void anIdLongerThanStripesIsNotFoundAndStripeIsNotAsked() throws Exception {
			mvc.perform(get("/receipt/cs_test_" + "a".repeat(201))).andExpect(status().isNotFound());

			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void aSessionStripeDoesNotKnowIsNotFound() throws Exception {
			stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/checkout/sessions/" + id))
				.willReturn(aResponse().withStatus(404)
					.withHeader("Content-Type", "application/json")
					.withBody(StripeStub.error("invalid_request_error", "resource_missing",
							"No such checkout.session: '" + id + "'"))));

			openTheReceipt().andExpect(status().isNotFound())
				.andExpect(content().string(containsString("There is nothing at this address.")))
				.andExpect(content().string(not(containsString("No such checkout.session"))));
		}

	}

	@Nested
	class WhenSomethingFails {

		@Test
		void whenStripeIsDownTheBuyerIsAskedToReloadInTheStoresLayout() throws Exception {
			stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/checkout/sessions/" + id))
				.willReturn(aResponse().withStatus(500)
					.withHeader("Content-Type", "application/json")
					// Stripe's hint that a retry would not help, so stripe-java answers at once.
					.withHeader("Stripe-Should-Retry", "false")
					.withBody(StripeStub.error("api_error", "api_error", "Something went wrong on Stripe's end."))));

			openTheReceipt().andExpect(status().isServiceUnavailable())
				.andExpect(content().string(containsString("This receipt could not be loaded just now")))
				.andExpect(content().string(containsString("class=\"site-header\"")))
				.andExpect(content().string(not(containsString("Exception"))))
				.andExpect(content().string(not(containsString("Stripe's end"))));
			verify(hooks, never()).postPurchase(any());
		}

		@Test
		void whenPostPurchaseFailsTheBuyerStillGetsTheReceiptAndTheWebhookFulfilsLater() throws Exception {
			stripeHas(paid());
			doThrow(new IllegalStateException("database down")).doCallRealMethod().when(hooks).postPurchase(any());

			openTheReceipt().andExpect(status().isOk())
				.andExpect(content().string(containsString("Thank you!")))
				.andExpect(content().string(not(containsString("database down"))));
			stripe.verify(0, marking());

			String event = StripeStub.event("checkout.session.completed", paid());
			mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
				.header("Stripe-Signature", StripeSignature.signNow(event))
				.content(event)).andExpect(status().isOk());

			verify(hooks, times(2)).postPurchase(any());
			stripe.verify(1, marking());
		}

	}

}
