package com.example.shop.checkout;

import com.example.shop.Browser;
import com.example.shop.CheckoutJson;
import com.example.shop.Csrf;
import com.example.shop.FakeStripe;
import com.example.shop.SellersOwnSettings;
import com.example.shop.Shopper;
import com.example.shop.StripeStub;
import com.example.shop.catalog.Catalog;
import com.example.shop.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A seller who turned on every switch under {@code checkout.*}: promotion codes, Stripe Tax (and
 * with it the buyer's address), Adaptive Pricing and a Stripe Customer per buyer. The session asks
 * Stripe for each, and the page shows what Stripe then computes.
 */
@SellersOwnSettings
class CheckoutSwitchesTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@RegisterExtension
	final Browser browser = new Browser();

	Item item;

	@BeforeEach
	void sellTheFirstItem() {
		item = catalog.firstItem();
		fakeStripe.answer(stripe);
	}

	@Test
	void theSessionAsksStripeForEverySwitchTurnedOn() throws Exception {
		mvc.perform(post("/checkout").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.content(CheckoutJson.order(item.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.promotionCodes").value(true))
			.andExpect(jsonPath("$.billingAddress").value(true));

		stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
			.withFormParam("allow_promotion_codes", equalTo("true"))
			.withFormParam("automatic_tax[enabled]", equalTo("true"))
			.withFormParam("billing_address_collection", equalTo("required"))
			.withFormParam("adaptive_pricing[enabled]", equalTo("true"))
			.withFormParam("customer_creation", equalTo("always")));
	}

	@Test
	void aPromotionCodeLowersTheTotalStripeShowsAndThePurchaseKeepsTheDiscount() {
		// What Stripe takes off for FakeStripe.PROMOTION_CODE: the coupon's percentage of the subtotal.
		long subtotal = item.amountInMinorUnits(1);
		long discount = Math.round(subtotal * StripeStub.fixture("coupon.json").get("percent_off").asDouble() / 100);
		// As WebDriver reads a page: a no-break space (fr-FR writes one before the currency) as a space.
		String discounted = Item.formatMinorUnits(subtotal - discount, item.currency(), catalog.locale())
			.replace('\u00a0', ' ');
		String discountShown = Item.formatMinorUnits(discount, item.currency(), catalog.locale()).replace('\u00a0', ' ');

		browser.open(Shopper.ITEM_PAGE);
		browser.pressBuy();
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("submit")));
		assertThat(browser.script("return window.fakeStripe.mounted.billingAddress")).isEqualTo("#billing-address");
		assertThat(browser.find("#discount").isDisplayed()).isFalse();

		browser.find("#promotion-code").sendKeys(FakeStripe.PROMOTION_CODE);
		browser.find("#apply-promotion-code").click();
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("discount")));
		assertThat(browser.find("#discount").getText()).isEqualTo("\u2212" + discountShown);
		assertThat(browser.find("#total").getText()).isEqualTo(discounted);
		assertThat(browser.find("#submit").getText()).isEqualTo("Pay " + discounted);
		browser.screenshot("promotion-code");

		browser.find("#promotion-code").clear();
		browser.find("#promotion-code").sendKeys("NOT-A-CODE");
		browser.find("#apply-promotion-code").click();
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("payment-message")));
		assertThat(browser.find("#payment-message").getText()).isEqualTo("This code is invalid.");
		// Stripe refuses an unknown code with a 400, which the browser logs, as it does with Stripe.
		assertThat(browser.consoleErrors()).singleElement().asString().contains("api.stripe.com", "400");
		assertThat(browser.find("#total").getText()).isEqualTo(discounted);

		new Select(browser.find("#fake-payment-method")).selectByValue("card");
		browser.find("#email").sendKeys("shopper@example.com");
		// Stripe Tax needs the buyer's address: Stripe.js will not confirm without one.
		browser.find("#fake-country").clear();
		browser.find("#submit").click();
		browser.waitFor(ExpectedConditions.textToBe(By.id("payment-message"), "Enter your billing address."));
		browser.find("#fake-country").sendKeys("NL");
		browser.find("#submit").click();

		browser.waitFor(ExpectedConditions.urlMatches("/receipt/cs_test_[A-Za-z0-9]+$"));
		assertThat(browser.find("h1").getText()).isEqualTo("Thank you!");
		assertThat(browser.find(".receipt").getText()).contains("Discount", discountShown, discounted);
	}

}
