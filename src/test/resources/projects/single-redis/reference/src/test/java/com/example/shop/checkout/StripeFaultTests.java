package com.example.shop.checkout;

import java.util.List;

import com.example.shop.CheckoutJson;
import com.example.shop.Csrf;
import com.example.shop.FakeStripe;
import com.example.shop.QuietOutputCaptureExtension;
import com.example.shop.StoreTest;
import com.example.shop.StripeStub;
import com.example.shop.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.example.shop.Messages.english;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Stripe failing while a checkout opens: erroring, refusing, dropping the connection or too slow.
 * Nothing is charged when a checkout opens, so the shopper is told exactly that, and the next
 * attempt, once Stripe is back, opens the checkout.
 */
@StoreTest
@ExtendWith(QuietOutputCaptureExtension.class)
class StripeFaultTests {

	static final String SESSIONS = "/v1/checkout/sessions";

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	ResultActions checkout() throws Exception {
		return checkout(CheckoutJson.order(catalog.firstItem().id()), MediaType.APPLICATION_JSON_VALUE);
	}

	ResultActions checkout(String body, String contentType) throws Exception {
		return mvc.perform(post("/checkout").with(Csrf.tokenFrom(mvc))
			.contentType(contentType)
			.accept(MediaType.APPLICATION_JSON)
			.content(body));
	}

	/** Creating a session answers this status with Stripe's error body. */
	ResponseDefinitionBuilder stripeError(int status, String type, String code, String message) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(StripeStub.error(type, code, message));
	}

	/** Stripe is back: the shopper's next click opens the checkout. */
	void theNextAttemptOpensTheCheckout() throws Exception {
		stripe.resetAll();
		fakeStripe.answer(stripe);
		checkout().andExpect(status().isOk()).andExpect(jsonPath("$.clientSecret").isNotEmpty());
	}

	@Nested
	class StripeHasTroubleOfItsOwn {

		/**
		 * stripe-java tries a 5xx again (stripe.max-network-retries, 2 by default), with the same
		 * Idempotency-Key each time: that key is what lets Stripe carry the request out only once.
		 */
		@Test
		void anErrorIsTriedThreeTimesWithOneIdempotencyKeyThenAnswersTryAgain() throws Exception {
			stripe.stubFor(WireMock.post(urlPathEqualTo(SESSIONS))
				.willReturn(stripeError(500, "api_error", null, "An unknown error occurred")));

			checkout().andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.detail").value(english(CheckoutErrors.TRY_AGAIN)));

			List<String> keys = stripe.getAllServeEvents()
				.stream()
				.map(ServeEvent::getRequest)
				.map(request -> request.getHeader("Idempotency-Key"))
				.toList();
			assertThat(keys).hasSize(3).doesNotContainNull().allMatch(key -> !key.isBlank());
			assertThat(keys).containsOnly(keys.get(0));
			theNextAttemptOpensTheCheckout();
		}

		/** Stripe's answer to a request it tells stripe-java not to repeat: the shopper may. */
		@ParameterizedTest
		@ValueSource(ints = { 500, 502, 503 })
		void anErrorStripeSaysNotToRetryAnswersTryAgain(int status) throws Exception {
			stripe.stubFor(WireMock.post(urlPathEqualTo(SESSIONS))
				.willReturn(stripeError(status, "api_error", null, "An unknown error occurred")
					.withHeader("Stripe-Should-Retry", "false")));

			checkout().andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.detail").value(english(CheckoutErrors.TRY_AGAIN)));

			stripe.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
			theNextAttemptOpensTheCheckout();
		}

		/** The account's own rate limit at Stripe: a busy minute, not the shopper's fault. */
		@Test
		void stripesRateLimitAnswersTryAgain() throws Exception {
			stripe.stubFor(WireMock.post(urlPathEqualTo(SESSIONS)).willReturn(stripeError(429, "invalid_request_error",
					"rate_limit", "Too many requests hit the API too quickly.")));

			checkout().andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.detail").value(english(CheckoutErrors.TRY_AGAIN)));

			theNextAttemptOpensTheCheckout();
		}

		/** A conflict (another request with the same key still running, a lock): retried, then try again. */
		@Test
		void aConflictAnswersTryAgain() throws Exception {
			stripe.stubFor(WireMock.post(urlPathEqualTo(SESSIONS)).willReturn(stripeError(409, "idempotency_error", null,
					"There is currently another in-progress request using this Stripe-Idempotency-Key.")));

			checkout().andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.detail").value(english(CheckoutErrors.TRY_AGAIN)));

			stripe.verify(3, postRequestedFor(urlPathEqualTo(SESSIONS)));
			theNextAttemptOpensTheCheckout();
		}

		/** Some of these end in stripe-java's connection error, others in an error reading the answer. */
		@ParameterizedTest
		@EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE",
				"RANDOM_DATA_THEN_CLOSE", "MALFORMED_RESPONSE_CHUNK" })
		void aDroppedOrGarbledAnswerSaysTheShopperWasNotCharged(Fault fault) throws Exception {
			StripeStub.willDropTheConnection(stripe, fault);

			checkout().andExpect(status().is5xxServerError())
				.andExpect(jsonPath("$.detail").value(containsString("you have not been charged")));

			theNextAttemptOpensTheCheckout();
		}

	}

	/**
	 * Stripe refuses the session itself: a revoked key, Stripe Tax switched on but not set up. Only
	 * the seller can fix that, so the log says so at ERROR, and the shopper is told to come back.
	 */
	@Nested
	class StripeRefusesTheSellersSetUp {

		@ParameterizedTest
		@CsvSource({ "401, invalid_request_error, api_key_expired", "403, invalid_request_error, secret_key_required",
				"400, invalid_request_error, parameter_invalid_empty" })
		void answersCannotOpenAndLogsAnErrorWithoutTheKey(int status, String type, String code, CapturedOutput output)
				throws Exception {
			// Stripe's messages can name the key: the store must never pass one on.
			stripe.stubFor(WireMock.post(urlPathEqualTo(SESSIONS))
				.willReturn(stripeError(status, type, code, "Invalid API Key provided: " + StripeStub.SECRET_KEY)));

			checkout().andExpect(status().isBadGateway())
				.andExpect(jsonPath("$.detail").value(english(CheckoutErrors.CANNOT_OPEN)))
				.andExpect(content().string(not(containsString(StripeStub.SECRET_KEY))));

			stripe.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
			assertThat(output.getOut()).containsPattern("ERROR .*Stripe refused to open a checkout: HTTP " + status)
				.contains(code)
				.doesNotContain(StripeStub.SECRET_KEY);
			theNextAttemptOpensTheCheckout();
		}

	}

	/**
	 * Stripe taking longer than stripe.read-timeout (10s in a real store; short here). stripe-java
	 * tries a timed-out call again like a 5xx, with the same Idempotency-Key, before giving up.
	 */
	@Nested
	@TestPropertySource(properties = StripeIsSlow.SHORT_READ_TIMEOUT)
	class StripeIsSlow {

		/** Shared with {@link StripeNeverAnswersTests}: one context for both. */
		static final String SHORT_READ_TIMEOUT = "stripe.read-timeout=400ms";

		static final int STRIPE_DELAY_MILLIS = 1_500;

		@Test
		void theStoreGivesUpAtItsReadTimeoutAndSaysTryAgain() throws Exception {
			stripe.stubFor(WireMock.post(urlPathEqualTo(SESSIONS))
				.willReturn(stripeError(500, "api_error", null, "late").withFixedDelay(STRIPE_DELAY_MILLIS)));

			long start = System.nanoTime();
			checkout().andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.detail").value(english(CheckoutErrors.TRY_AGAIN)));
			long waitedMillis = (System.nanoTime() - start) / 1_000_000;

			// Three tries of 400 ms (without stripe-java's pauses between them in the tests, StoreTest):
			// well before Stripe's three late answers.
			assertThat(waitedMillis).isLessThan(3 * STRIPE_DELAY_MILLIS);
			stripe.verify(3, postRequestedFor(urlPathEqualTo(SESSIONS)));
			theNextAttemptOpensTheCheckout();
		}

	}

	/**
	 * What a card tester's script, a broken client or a curious visitor might post: each is refused
	 * with a short message for the shopper, no trace of the store's insides, and Stripe hears
	 * nothing. (CheckoutControllerTests has the price fields, quantities and missing CSRF token.)
	 */
	@Nested
	class MalformedRequests {

		static final String JSON = MediaType.APPLICATION_JSON_VALUE;

		@ParameterizedTest
		@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
				// Not JSON at all
				"application/x-www-form-urlencoded | itemId=%s                  | 415",
				"application/xml                   | <checkout/>                | 415",
				// Malformed, or not an object
				"application/json                  | ``                         | 400",
				"application/json                  | {\"itemId\": \"%s\"        | 400",
				"application/json                  | {\"itemId\": \"%s\"}}      | 400",
				"application/json                  | null                       | 400",
				"application/json                  | []                         | 400",
				"application/json                  | \"%s\"                     | 400",
				// An item id that is not one
				"application/json                  | {\"itemId\": [\"%s\"]}     | 400",
				"application/json                  | {\"itemId\": {\"id\": \"%s\"}} | 400",
				"application/json                  | {\"itemId\": 12345}        | 400",
				"application/json                  | {\"itemId\": \"\"}         | 400",
				"application/json                  | {\"itemId\": \"../../etc/passwd\"} | 400",
				"application/json                  | {\"itemId\": \"%s\\r\\nX-Injected: 1\"} | 400" })
		void isRefusedWithAShortMessageBeforeStripeIsCalled(String contentType, String body, int expectedStatus)
				throws Exception {
			refusedBeforeStripe(contentType, body.replace("%s", catalog.firstItem().id()), expectedStatus);
		}

		@Test
		void anItemIdTooLongOrJsonNestedTooDeep() throws Exception {
			refusedBeforeStripe(JSON, CheckoutJson.order("a".repeat(5_000)), 400);
			refusedBeforeStripe(JSON, "{\"itemId\": \"%s\", \"nested\": %s%s}".formatted(catalog.firstItem().id(),
					"[".repeat(2_000), "]".repeat(2_000)), 400);
		}

		void refusedBeforeStripe(String contentType, String body, int expectedStatus) throws Exception {
			checkout(body, contentType).andExpect(status().is(expectedStatus))
				.andExpect(jsonPath("$.detail").isNotEmpty())
				.andExpect(content().string(not(containsString("Exception"))))
				.andExpect(content().string(not(containsString("\tat "))));

			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

	}

}
