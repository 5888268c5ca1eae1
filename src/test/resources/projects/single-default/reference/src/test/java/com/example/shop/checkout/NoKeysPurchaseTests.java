package com.example.shop.checkout;

import com.example.shop.Csrf;
import com.example.shop.StoreTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A fresh store without Stripe keys: pages work, payments politely do not. */
// The same settings as NoKeysBrowserTests and StoreIntegrationTests: one context for the three.
@StoreTest
@TestPropertySource(properties = { "stripe.publishable-key=", "stripe.secret-key=", "stripe.webhook-secret=" })
class NoKeysPurchaseTests {

	// Stripe's API, to prove it is never called: a store without keys has nothing to ask it.
	@Autowired
	WireMockServer stripe;

	// The first item's page: "/" in a one-item store, "/items/<id>" in a catalog.
	static final String ITEM_PAGE = "/";

	@Autowired
	MockMvc mvc;

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void shoppersSeeThatTheStoreIsNotTakingPaymentsAndNothingAboutItsSetUp() throws Exception {
		mvc.perform(get(ITEM_PAGE).with(from("203.0.113.9")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This store is not taking payments yet.")))
			.andExpect(content().string(not(containsString("STRIPE_"))))
			.andExpect(content().string(not(containsString("keys"))))
			.andExpect(content().string(not(containsString("payment-form"))));
	}

	@Test
	void theSellerOnTheStoresOwnMachineIsToldWhichKeysToSet() throws Exception {
		mvc.perform(get(ITEM_PAGE).with(from("127.0.0.1")))
			.andExpect(content().string(containsString("This store is not taking payments yet.")))
			.andExpect(content().string(containsString("STRIPE_PUBLISHABLE_KEY and STRIPE_SECRET_KEY")));
		mvc.perform(get(ITEM_PAGE).with(from("::1")))
			.andExpect(content().string(containsString("STRIPE_PUBLISHABLE_KEY")));
	}

	@Test
	void aShopperThroughAProxyOnTheSameMachineIsNotTakenForTheSeller() throws Exception {
		mvc.perform(get(ITEM_PAGE).with(from("127.0.0.1")).header("X-Forwarded-For", "203.0.113.9"))
			.andExpect(content().string(containsString("This store is not taking payments yet.")))
			.andExpect(content().string(not(containsString("STRIPE_"))));
	}

	@Test
	void thePurchaseEndpointAnswers503WithoutTalkingAboutKeys() throws Exception {
		mvc.perform(post("/purchase").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confirmationTokenId\": \"ctoken_1\", \"itemId\": \"item\"}"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.error.message").value("This store is not taking payments yet."));
	}

	@Test
	void aReceiptAddressAsksStripeNothing(@Autowired ReceiptLinks receiptLinks) throws Exception {
		// Without a secret key, receipt addresses are signed with nothing: anyone could make one.
		mvc.perform(get(receiptLinks.pathFor("pi_3NoKeys")).with(from("203.0.113.9"))).andExpect(status().isNotFound());

		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

}
