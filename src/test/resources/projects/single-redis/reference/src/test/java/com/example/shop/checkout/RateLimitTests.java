package com.example.shop.checkout;

import java.time.Duration;

import com.example.shop.CheckoutJson;
import com.example.shop.Csrf;
import com.example.shop.FakeStripe;
import com.example.shop.QuietOutputCaptureExtension;
import com.example.shop.StoreTest;
import com.example.shop.StripeStub;
import com.example.shop.TestRateLimits;
import com.example.shop.catalog.Catalog;
import com.example.shop.ratelimit.Buckets;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A card tester opening checkout after checkout to try card after card: past the limit, 429
 * with a Retry-After, and Stripe hears nothing more. The limits are low ones each test sets for
 * itself ({@link TestRateLimits}), in the store the other tests share.
 */
@StoreTest
@ExtendWith(QuietOutputCaptureExtension.class)
class RateLimitTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	Buckets buckets;

	@BeforeEach
	void stripeOpensCheckoutsAndTheLimitPerClientIsLow() {
		fakeStripe.answer(stripe);
		TestRateLimits.set(buckets, TestRateLimits.CHECKOUT_PER_CLIENT, 3, Duration.ofMinutes(10));
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	ResultActions checkout(String body, String address) throws Exception {
		return mvc.perform(post("/checkout").with(Csrf.tokenFrom(mvc))
			.with(from(address))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	String validCheckout() {
		return CheckoutJson.order(catalog.firstItem().id());
	}

	@Test
	void theFourthCheckoutFromOneAddressIsRefusedWith429AndARetryAfterBeforeStripeIsCalled() throws Exception {
		for (int i = 1; i <= 3; i++) {
			checkout(validCheckout(), "192.0.2.77").andExpect(status().isOk());
		}

		checkout(validCheckout(), "192.0.2.77").andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", matchesPattern("[1-9][0-9]*")))
			.andExpect(jsonPath("$.detail").value(containsString("Too many checkouts from your connection")));
		// Another address has a budget of its own.
		checkout(validCheckout(), "192.0.2.78").andExpect(status().isOk());

		stripe.verify(4, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
	}

	@Test
	void junkCountsAgainstItsSendersOwnLimit() throws Exception {
		for (int i = 1; i <= 3; i++) {
			checkout("{}", "192.0.2.79").andExpect(status().isBadRequest());
		}

		checkout(validCheckout(), "192.0.2.79").andExpect(status().isTooManyRequests());
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
	}

	/**
	 * The limits that keep the Stripe account under its own rate limit.
	 * The store's ceiling on checkouts from all clients together holds off card testers spread over
	 * many addresses; junk that never reaches Stripe must not use it up, or anyone could lock real
	 * shoppers out without trying a single card.
	 */
	@Nested
	class StoreWideCeilingAndReceipts {

		@BeforeEach
		void theCeilingAndTheReceiptLimitAreLow() {
			TestRateLimits.set(buckets, TestRateLimits.CHECKOUT_ALL_CLIENTS, 5, Duration.ofMinutes(10));
			TestRateLimits.set(buckets, TestRateLimits.RECEIPTS_PER_CLIENT, 3, Duration.ofMinutes(10));
		}

		@Test
		void junkFromManyClientsDoesNotUseUpTheCeilingButValidCheckoutsDo() throws Exception {
			String[] junk = { "{}", "{\"itemId\": \"no-such-item\"}", "{\"itemId\": \"item\", \"amount\": 1}",
					"{\"itemId\": \"item\", \"quantity\": 0}", "not json" };
			for (int client = 1; client <= 140; client++) {
				checkout(junk[client % junk.length], "198.51.100." + client).andExpect(status().isBadRequest());
			}

			// A real shopper still gets through, and so do the next ones up to the ceiling.
			for (int shopper = 1; shopper <= 5; shopper++) {
				checkout(validCheckout(), "203.0.113." + shopper).andExpect(status().isOk());
			}
			checkout(validCheckout(), "203.0.113.6").andExpect(status().isTooManyRequests())
				.andExpect(header().string("Retry-After", matchesPattern("[1-9][0-9]*")))
				.andExpect(jsonPath("$.detail").value(containsString("too many payment attempts right now")));

			stripe.verify(5, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
		}

		/** Each receipt looked up can cost a call to Stripe: guessing session ids is limited too. */
		@Test
		void theFourthReceiptLookUpFromOneAddressIsRefusedWith429BeforeStripeIsCalled() throws Exception {
			for (int i = 1; i <= 3; i++) {
				mvc.perform(get("/receipt/" + StripeStub.newSessionId()).with(from("192.0.2.80")))
					.andExpect(status().isNotFound());
			}

			mvc.perform(get("/receipt/" + StripeStub.newSessionId()).with(from("192.0.2.80")))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().string("Retry-After", matchesPattern("[1-9][0-9]*")));
			stripe.verify(3, getRequestedFor(urlPathMatching("/v1/checkout/sessions/.*")));
		}

	}

}
