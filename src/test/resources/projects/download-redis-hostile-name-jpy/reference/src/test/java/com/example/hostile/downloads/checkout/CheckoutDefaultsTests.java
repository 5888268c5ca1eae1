package com.example.hostile.downloads.checkout;

import com.example.hostile.downloads.CheckoutJson;
import com.example.hostile.downloads.Csrf;
import com.example.hostile.downloads.FakeStripe;
import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The checkout as a new store opens it, with every switch under {@code checkout.*} off: each
 * needs its set-up in the Stripe Dashboard first (CheckoutSwitchesTests turns them on).
 */
@StoreTest
class CheckoutDefaultsTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Test
	void offersNoPromotionCodesTaxOrOtherCurrenciesAndMakesNoCustomer() throws Exception {
		fakeStripe.answer(stripe);

		mvc.perform(post("/checkout").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.content(CheckoutJson.order(catalog.firstItem().id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.promotionCodes").value(false))
			.andExpect(jsonPath("$.billingAddress").value(false));

		stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
			.withFormParam("allow_promotion_codes", equalTo("false"))
			.withFormParam("automatic_tax[enabled]", equalTo("false"))
			.withFormParam("billing_address_collection", equalTo("auto"))
			.withFormParam("adaptive_pricing[enabled]", equalTo("false"))
			.withFormParam("customer_creation", equalTo("if_required")));
	}

}
