package com.example.downloads.ratelimit;

import com.example.downloads.Csrf;
import com.example.downloads.StoreTest;
import com.example.downloads.StripeStub;
import com.example.downloads.catalog.Catalog;
import com.example.downloads.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A card tester trying card after card: after the limit, 429 and Stripe hears nothing more. */
// Low limits: a context of its own, shared with web/SecurityHeadersTests, which sets the same.
@StoreTest
@TestPropertySource(properties = { "purchase-limits.per-client.attempts=3", "purchase-limits.per-client.per=10m" })
class PurchaseRateLimitTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	ResultActions attempt(int card) throws Exception {
		return attempt(purchaseWithCard(card), "192.0.2.77");
	}

	ResultActions attempt(String body, String address) throws Exception {
		return mvc.perform(post("/purchase").with(Csrf.tokenFrom(mvc)).with(request -> {
			request.setRemoteAddr(address);
			return request;
		}).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	String purchaseWithCard(int card) {
		return "{\"confirmationTokenId\": \"ctoken_1Card%d\", \"itemId\": \"%s\"}".formatted(card,
				catalog.firstItem().id());
	}

	@Test
	void theFourthAttemptIsRefusedWith429AndARetryAfterBeforeStripeIsCalled() throws Exception {
		StripeStub.willDecline(stripe);
		for (int card = 1; card <= 3; card++) {
			attempt(card).andExpect(status().isPaymentRequired());
		}

		attempt(4).andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", matchesPattern("[1-9][0-9]*")))
			.andExpect(jsonPath("$.error.message").value(containsString("Too many payment attempts")));

		stripe.verify(3, postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
	}

	/**
	 * The store's ceiling on attempts from all clients together protects the Stripe account from
	 * card testers spread over many addresses. Junk that never reaches Stripe must not use it up, or
	 * anyone could lock real shoppers out without trying a single card.
	 */
	@Nested
	@TestPropertySource(properties = { "purchase-limits.all-clients.attempts=5", "purchase-limits.all-clients.per=10m" })
	class StoreWideCeiling {

		@Test
		void junkFromManyClientsDoesNotUseUpTheCeilingButValidAttemptsDo() throws Exception {
			Item item = catalog.firstItem();
			String paid = StripeStub.paymentIntent("pi_3UnderTheCeiling", "succeeded", item.amountInMinorUnits(1),
					item.currency(), StripeStub.storeMetadata(item, 1));
			StripeStub.willCreatePaymentIntent(stripe, paid);
			StripeStub.willUpdatePaymentIntent(stripe, "pi_3UnderTheCeiling", paid);
			for (int client = 1; client <= 140; client++) {
				attempt("{}", "198.51.100." + client).andExpect(status().isBadRequest());
			}

			// A real shopper still gets through, and so do the next ones up to the ceiling.
			for (int card = 1; card <= 5; card++) {
				attempt(purchaseWithCard(card), "203.0.113." + card).andExpect(status().isOk());
			}
			attempt(purchaseWithCard(6), "203.0.113.6").andExpect(status().isTooManyRequests());

			stripe.verify(5, postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
		}

	}

}
