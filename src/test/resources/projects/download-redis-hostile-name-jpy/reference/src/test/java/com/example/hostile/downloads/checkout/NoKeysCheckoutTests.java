package com.example.hostile.downloads.checkout;

import com.example.hostile.downloads.Csrf;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.StripeStub;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
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

/** A fresh store without Stripe keys: its pages work, payments politely do not, and Stripe hears nothing. */
// The same settings as NoKeysBrowserTests: one context for both.
@StoreTest
@TestPropertySource(properties = { "stripe.publishable-key=", "stripe.secret-key=", "stripe.webhook-secret=" })
class NoKeysCheckoutTests {

	// Stripe's API, to prove it is never called: a store without keys has nothing to ask it.
	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@AfterEach
	void stripeWasNeverCalled() {
		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void shoppersSeeThatTheStoreIsNotTakingPaymentsAndNothingAboutItsSetUp() throws Exception {
		mvc.perform(get(Shopper.ITEM_PAGE).with(from("203.0.113.9")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This store is not taking payments yet.")))
			.andExpect(content().string(not(containsString("STRIPE_"))))
			.andExpect(content().string(not(containsString("keys"))))
			.andExpect(content().string(not(containsString("id=\"checkout\""))))
			// No stripe.js: without keys there is no payment for Stripe to watch over.
			.andExpect(content().string(not(containsString(StripeStub.STRIPE_JS))))
			.andExpect(content().string(not(containsString("checkout.js"))));
	}

	/** A store without keys has sold nothing: the form is answered as ever, and nobody is looked up. */
	@Test
	void aLostLinkFormIsAnsweredAsEverWithoutAskingStripe() throws Exception {
		mvc.perform(post("/lost-link").param("email", "buyer@example.com").with(Csrf.tokenFrom(mvc)).with(from("203.0.113.31")))
			.andExpect(status().isFound());

		// The look-up would run on another thread at once: give it the time to show.
		Thread.sleep(300);
	}

	@Test
	void theSellerOnTheStoresOwnMachineIsToldWhichKeysToSet() throws Exception {
		mvc.perform(get(Shopper.ITEM_PAGE).with(from("127.0.0.1")))
			.andExpect(content().string(containsString("This store is not taking payments yet.")))
			.andExpect(content().string(containsString("STRIPE_PUBLISHABLE_KEY and STRIPE_SECRET_KEY")));
		mvc.perform(get(Shopper.ITEM_PAGE).with(from("::1")))
			.andExpect(content().string(containsString("STRIPE_PUBLISHABLE_KEY")));
	}

	@Test
	void aShopperThroughAProxyOnTheSameMachineIsNotTakenForTheSeller() throws Exception {
		mvc.perform(get(Shopper.ITEM_PAGE).with(from("127.0.0.1")).header("X-Forwarded-For", "203.0.113.9"))
			.andExpect(content().string(containsString("This store is not taking payments yet.")))
			.andExpect(content().string(not(containsString("STRIPE_"))));
	}

	@Test
	void theCheckoutAnswers503WithoutTalkingAboutKeys() throws Exception {
		mvc.perform(post("/checkout").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemId\": \"item\"}"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail").value("This store is not taking payments yet."));
	}

	@Test
	void aReceiptAddressIsNotFound() throws Exception {
		// Without keys the store has sold nothing, and could not ask Stripe if it had.
		mvc.perform(get("/receipt/" + StripeStub.newSessionId()).with(from("203.0.113.9")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theWebhookAnswers503SoStripeDeliversAgainOnceTheKeysAreSet() throws Exception {
		mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", "t=1,v1=00")
			.content("{\"type\": \"checkout.session.completed\"}"))
			.andExpect(status().isServiceUnavailable());
	}

}
