package com.example.posters.catalog;

import com.example.posters.Browser;
import com.example.posters.StoreTest;
import com.example.posters.StripeStub;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Shopping the catalog in a real browser: pick an item, choose a quantity, pay. */
@StoreTest
class CatalogBrowserTests {

	static final String PI = "pi_3TestCatalogBrowser";

	@Autowired
	WireMockServer stripe;

	@Autowired
	Catalog catalog;

	@RegisterExtension
	final Browser browser = new Browser();

	@Test
	void chooseAnItemAndAQuantityThenPayTheServersAmount() {
		Item item = catalog.items().get(catalog.items().size() - 1);
		int quantity = Math.min(3, catalog.maxQuantity());
		String intent = StripeStub.paymentIntent(PI, "succeeded", item.amountInMinorUnits(quantity), item.currency(),
				StripeStub.storeMetadata(item, quantity));
		StripeStub.willCreatePaymentIntent(stripe, intent);
		StripeStub.willUpdatePaymentIntent(stripe, PI, intent);
		StripeStub.willReturnPaymentIntent(stripe, PI, intent);

		browser.open("/");
		assertThat(browser.findAll(".catalog li")).hasSize(catalog.items().size());
		browser.screenshot("catalog");
		browser.find("a[href='/items/" + item.id() + "']").click();
		browser.waitFor(driver -> browser.script("return window.fakeStripe && window.fakeStripe.mounted"));
		browser.find("#quantity").clear();
		browser.find("#quantity").sendKeys(Integer.toString(quantity));
		browser.find("#email").sendKeys("shopper@example.com");
		// The button and stripe.js show the total for the quantity.
		assertThat(browser.find("#submit").getText())
			.isEqualTo("Pay " + Item.formatMinorUnits(item.amountInMinorUnits(quantity), item.currency(), catalog.locale()));
		assertThat(browser.script("return window.fakeStripe.elementsOptions.amount"))
			.isEqualTo(item.amountInMinorUnits(quantity));
		browser.screenshot("item-with-quantity");
		browser.find("#submit").click();

		browser.waitFor(ExpectedConditions.urlContains("/receipt/" + PI + "/"));
		stripe.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
			.withFormParam("metadata[quantity]", equalTo(Integer.toString(quantity)))
			.withFormParam("amount", equalTo(Long.toString(item.amountInMinorUnits(quantity)))));
		assertThat(browser.find("dl").getText()).contains(item.name() + " \u00d7 " + quantity);
	}

}
