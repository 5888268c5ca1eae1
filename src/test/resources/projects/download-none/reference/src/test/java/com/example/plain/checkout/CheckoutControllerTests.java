package com.example.plain.checkout;

import com.example.plain.CheckoutJson;
import com.example.plain.Csrf;
import com.example.plain.FakeStripe;
import com.example.plain.StoreTest;
import com.example.plain.StripeStub;
import com.example.plain.catalog.Catalog;
import com.example.plain.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Opening a checkout: the Checkout Session the store asks Stripe (WireMock) for. */
@StoreTest
class CheckoutControllerTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	Item item;

	@BeforeEach
	void sellTheFirstItem() {
		item = catalog.firstItem();
		fakeStripe.answer(stripe);
	}

	ResultActions checkout(String json) throws Exception {
		return mvc.perform(post("/checkout").with(Csrf.tokenFrom(mvc)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	@Test
	void opensASessionPricedFromTheCatalogAndAnswersItsClientSecret() throws Exception {
		checkout(CheckoutJson.order(item.id())).andExpect(status().isOk())
			.andExpect(jsonPath("$.clientSecret").value(startsWith("cs_test_")))
			.andExpect(jsonPath("$.promotionCodes").value(false));

		stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
			.withFormParam("mode", equalTo("payment"))
			.withFormParam("ui_mode", equalTo("elements"))
			.withFormParam("line_items[0][quantity]", equalTo("1"))
			.withFormParam("line_items[0][price_data][unit_amount]", equalTo(Long.toString(item.amountInMinorUnits(1))))
			.withFormParam("line_items[0][price_data][currency]", equalTo(item.currency()))
			.withFormParam("line_items[0][price_data][product_data][name]", equalTo(item.name()))
			.withFormParam("metadata[store_id]", equalTo(StripeStub.STORE_ID))
			.withFormParam("metadata[item_id]", equalTo(item.id()))
			.withFormParam("payment_intent_data[metadata][item_id]", equalTo(item.id()))
			.withFormParam("return_url", matching("http://localhost(:[0-9]+)?/receipt/\\{CHECKOUT_SESSION_ID\\}")));
	}

	@Test
	void pricesTheQuantityTheShopperChose() throws Exception {
		int most = catalog.maxQuantity();

		checkout(CheckoutJson.order(item.id(), most)).andExpect(status().isOk());

		stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
			.withFormParam("line_items[0][quantity]", equalTo(Integer.toString(most)))
			.withFormParam("metadata[subtotal]", equalTo(Long.toString(item.amountInMinorUnits(most)))));
	}

	@Nested
	class RefusedBeforeStripeIsAsked {

		@ParameterizedTest
		@ValueSource(strings = { "\"amount\": 1", "\"price\": 0.01", "\"unitAmount\": 1", "\"currency\": \"jpy\"" })
		void aRequestNamingAPriceOrAmount(String field) throws Exception {
			checkout("{\"itemId\": \"%s\", %s}".formatted(item.id(), field)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("The request could not be read."));

			stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
		}

		@Test
		void anItemNotForSale() throws Exception {
			checkout("{\"itemId\": \"no-such-item\"}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("This item is not for sale."));
			checkout("{\"quantity\": 1}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("This item is not for sale."));

			stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
		}

		@ParameterizedTest
		@ValueSource(strings = { "0", "-1", "99999999999999999999", "\"two\"", "1.5" })
		void aQuantityOutsideOneToTheMaximum(String quantity) throws Exception {
			String tooMany = Integer.toString(catalog.maxQuantity() + 1);
			for (String bad : new String[] { quantity, tooMany }) {
				checkout("{\"itemId\": \"%s\", \"quantity\": %s}".formatted(item.id(), bad))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.detail").isNotEmpty());
			}

			stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
		}

		@Test
		void aRequestWithoutTheCsrfToken() throws Exception {
			mvc.perform(post("/checkout").contentType(MediaType.APPLICATION_JSON)
				.content(CheckoutJson.order(item.id())))
				.andExpect(status().isForbidden());

			stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
		}

		@Test
		void aRequestThatIsNotJson() throws Exception {
			mvc.perform(post("/checkout").with(Csrf.tokenFrom(mvc)).contentType(MediaType.TEXT_PLAIN).content("item"))
				.andExpect(status().isUnsupportedMediaType())
				.andExpect(jsonPath("$.detail").value("The request must be JSON (Content-Type: application/json)."));

			stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
		}

	}

}
