package com.example.hostile.downloads.site;

import java.util.Locale;

import com.example.hostile.downloads.Browser;
import com.example.hostile.downloads.FakeStripe;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A purchase in the German store, in Chromium: checkout.js's words (from the page's data-
 * attributes) and Stripe's form in German too. The same context as {@link GermanStoreTests}.
 */
@StoreTest
@TestPropertySource(properties = "store.locale=de-DE")
class GermanBrowserTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	Catalog catalog;

	@RegisterExtension
	final Browser browser = new Browser();

	@BeforeEach
	void fakeStripe() {
		fakeStripe.answer(stripe);
	}

	@Test
	void aShopperBuysInGerman() {
		// As the browser's text: a no-break space (12,50 $) reads as a space.
		String price = catalog.firstItem().formattedPrice(catalog.locale()).replace('\u00a0', ' ');
		browser.open(Shopper.ITEM_PAGE);
		browser.screenshot("item-german");
		browser.assertAccessible();
		assertThat(browser.find("html").getAttribute("lang")).isEqualTo("de-DE");
		assertThat(browser.find("#buy").getText()).isEqualTo("Jetzt kaufen");

		browser.pressBuy();
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("submit")));
		assertThat(browser.script("return window.fakeStripe.stripeOptions.locale")).isEqualTo("de");
		// Written the German way (12,50 $, not $12.50), by the store and by Stripe's form alike.
		assertThat(price).isNotEqualTo(catalog.firstItem().formattedPrice(Locale.US).replace('\u00a0', ' '));
		assertThat(browser.find("#total").getText()).isEqualTo(price);
		assertThat(browser.find("#submit").getText()).isEqualTo(price + " bezahlen");
		browser.screenshot("checkout-german");
		browser.assertAccessible();

		new Select(browser.find("#fake-payment-method")).selectByValue("card");
		browser.find("#email").sendKeys("shopper@example.com");
		browser.find("#submit").click();
		browser.waitFor(ExpectedConditions.urlMatches("/receipt/cs_test_[A-Za-z0-9]+$"));
		assertThat(browser.find("h1").getText()).isEqualTo("Vielen Dank!");
		browser.screenshot("receipt-german");
		browser.assertAccessible();
	}

}
