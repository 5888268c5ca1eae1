package com.example.hostile.downloads.licence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.example.hostile.downloads.StripeSignature;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /licences/verify} as an app calls it: valid for a paid purchase of this store's,
 * revoked once refunded or disputed, unknown for anything else, and a 503 rather than a guess when
 * Stripe cannot tell.
 */
@LicenceKeysOn
class LicenceControllerTests {

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	LicenceKeys keys;

	@Autowired
	Catalog catalog;

	Item item;

	// A new session for each test: the store reuses what Stripe said about a session for a while.
	final String id = StripeStub.newSessionId();

	String paid;

	@BeforeEach
	void aPurchase() {
		item = catalog.firstItem();
		paid = StripeStub.paidSession(id, item);
	}

	void stripeHas(String session) {
		StripeStub.willReturnSession(stripe, id, session);
		StripeStub.willUpdateSession(stripe, id, session);
	}

	ResultActions verify(String key) throws Exception {
		return verifyBody(json.writeValueAsString(Map.of("key", key)));
	}

	ResultActions verifyBody(String body) throws Exception {
		return mvc.perform(post("/licences/verify").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	static void assertStatus(ResultActions answer, String licenceStatus) throws Exception {
		answer.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.status").value(licenceStatus));
	}

	@Test
	void theKeyOfAPaidPurchaseIsValidAndSaysWhatWasBought() throws Exception {
		stripeHas(paid);

		ResultActions answer = verify(keys.keyFor(id));

		assertStatus(answer, "valid");
		answer.andExpect(jsonPath("$.item").value(item.id()))
			.andExpect(jsonPath("$.quantity").value(1))
			.andExpect(content().string(not(containsString("@"))));
	}

	@Nested
	class Unknown {

		@Test
		void aKeyThatIsNotThisStoresIsUnknownWithoutAskingStripe() throws Exception {
			String key = keys.keyFor(id);
			String mac = key.substring(key.indexOf('.') + 1);
			char last = key.charAt(key.length() - 1);
			List<String> notKeys = List.of(key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A'),
					StripeStub.newSessionId() + "." + mac, "garbage", "", id);

			for (String notAKey : notKeys) {
				assertStatus(verify(notAKey), "unknown");
			}
			verifyBody("{}").andExpect(jsonPath("$.status").value("unknown"));
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void aKeyOfASessionStripeDoesNotHaveIsUnknown() throws Exception {
			stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/checkout/sessions/" + id))
				.willReturn(aResponse().withStatus(404)
					.withHeader("Content-Type", "application/json")
					.withBody(StripeStub.error("invalid_request_error", "resource_missing", "No such checkout.session"))));

			assertStatus(verify(keys.keyFor(id)), "unknown");
		}

		@Test
		void aKeyOfAnotherStoresSessionIsUnknown() throws Exception {
			Map<String, String> metadata = new HashMap<>(StripeStub.storeMetadata(item, 1));
			metadata.put("store_id", "another-store");
			stripeHas(StripeStub.session(id, "complete", "paid", item.amountInMinorUnits(1), item.currency(), metadata));

			assertStatus(verify(keys.keyFor(id)), "unknown");
		}

		@Test
		void aKeyOfAnUnpaidSessionIsUnknown() throws Exception {
			stripeHas(StripeStub.storeSession(id, "open", "unpaid", item, 1));

			assertStatus(verify(keys.keyFor(id)), "unknown");
		}

	}

	@Nested
	class Revoked {

		@ParameterizedTest
		@ValueSource(booleans = { true, false })
		void aRefundInFullOrInPartRevokesTheKey(boolean inFull) throws Exception {
			stripeHas(StripeStub.refunded(paid, inFull ? item.amountInMinorUnits(1) : 1));

			ResultActions answer = verify(keys.keyFor(id));

			assertStatus(answer, "revoked");
			answer.andExpect(jsonPath("$.reason").value("refunded"));
		}

		@Test
		void aDisputeRevokesTheKey() throws Exception {
			stripeHas(StripeStub.disputed(paid));

			ResultActions answer = verify(keys.keyFor(id));

			assertStatus(answer, "revoked");
			answer.andExpect(jsonPath("$.reason").value("disputed"));
		}

		@Test
		void aRefundHeardByTheWebhookRevokesTheKeyAtOnce() throws Exception {
			stripeHas(paid);
			StripeStub.willListSessionsOfPayment(stripe,
					json.readTree(paid).get("payment_intent").get("id").asString(), paid);
			// The store now holds Stripe's answer for stripe.payment-cache-time (30s here).
			assertStatus(verify(keys.keyFor(id)), "valid");
			String refunded = StripeStub.refunded(paid, item.amountInMinorUnits(1));
			StripeStub.willReturnSession(stripe, id, refunded);
			StripeStub.willReturnCharge(stripe, StripeStub.chargeOf(refunded));
			String event = StripeStub.event("charge.refunded", StripeStub.chargeOf(refunded));

			mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
				.header("Stripe-Signature", StripeSignature.signNow(event))
				.content(event)).andExpect(status().isOk());

			assertStatus(verify(keys.keyFor(id)), "revoked");
		}

	}

	@Nested
	class WhenStripeCannotTell {

		@Test
		void whenStripeIsDownTheAnswerIsToTryAgainNotAGuess() throws Exception {
			stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/checkout/sessions/" + id))
				.willReturn(aResponse().withStatus(500)
					.withHeader("Content-Type", "application/json")
					// Stripe's hint that a retry would not help, so stripe-java answers at once.
					.withHeader("Stripe-Should-Retry", "false")
					.withBody(StripeStub.error("api_error", "api_error", "Something went wrong on Stripe's end."))));

			verify(keys.keyFor(id)).andExpect(status().isServiceUnavailable())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(LicenceController.TRY_AGAIN))
				.andExpect(content().string(not(containsString("Stripe's end"))))
				.andExpect(content().string(not(containsString("\"status\":\""))));
		}

		@Test
		void whenStripesAnswerDoesNotSayWhetherItWasRefundedTheAnswerIsToTryAgain() throws Exception {
			// The charge as an id, not expanded: a refund cannot be ruled out.
			stripeHas(StripeStub.with(paid,
					session -> ((ObjectNode) session.get("payment_intent")).put("latest_charge", "ch_3NotExpanded")));

			verify(keys.keyFor(id)).andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.detail").value(LicenceController.TRY_AGAIN));
		}

	}

}
