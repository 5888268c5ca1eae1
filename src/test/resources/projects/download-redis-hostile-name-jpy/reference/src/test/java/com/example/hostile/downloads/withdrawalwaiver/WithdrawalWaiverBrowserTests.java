package com.example.hostile.downloads.withdrawalwaiver;

import com.example.hostile.downloads.Browser;
import com.example.hostile.downloads.FakeStripe;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StoreTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static com.example.hostile.downloads.Messages.english;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The EU withdrawal waiver in a real browser: no payment form until the box is ticked. */
@StoreTest
class WithdrawalWaiverBrowserTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@RegisterExtension
	final Browser browser = new Browser();

	@BeforeEach
	void stripePlaysItsPart() {
		fakeStripe.answer(stripe);
	}

	@Test
	void theCheckoutOpensOnlyOnceTheBoxIsTickedAndThenThePurchaseGoesThrough() {
		browser.open(Shopper.ITEM_PAGE);
		assertThat(browser.find("#withdrawal-waiver").isSelected()).as("ticked already").isFalse();
		assertThat(browser.find("label.must-tick").getText()).isEqualTo(english(WithdrawalWaiver.WORDING));
		browser.assertAccessible();

		browser.find("#buy").click();
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("payment-message")));
		assertThat(browser.find("#payment-message").getText()).isEqualTo(english("withdrawalWaiver.notTicked"));
		assertThat(browser.find("#payment").isDisplayed()).isFalse();
		browser.screenshot("withdrawal-waiver-not-ticked");
		browser.assertAccessible();
		// Refused by the page itself: the store was not even asked (the server would refuse too).
		assertThat(browser.script("return performance.getEntriesByType('resource').map(e => e.name)"))
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.noneMatch(url -> url.toString().endsWith("/checkout"));
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));

		browser.find("#withdrawal-waiver").click();
		browser.find("#buy").click();
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("submit")));
		assertThat(browser.find("#payment-message").isDisplayed()).isFalse();
		assertThat(browser.script("return performance.getEntriesByType('resource').map(e => e.name)"))
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.anyMatch(url -> url.toString().endsWith("/checkout"));
		assertThat(browser.find("#withdrawal-waiver").isEnabled()).as("can be unticked once recorded").isFalse();
		new Select(browser.find("#fake-payment-method")).selectByValue("card");
		browser.find("#email").sendKeys("shopper@example.com");
		browser.find("#submit").click();

		browser.waitFor(ExpectedConditions.urlMatches("/receipt/cs_test_[A-Za-z0-9]+$"));
		assertThat(browser.find("h1").getText()).isEqualTo("Thank you!");
		stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
			.withFormParam("metadata[withdrawal_waiver]", equalTo(english(WithdrawalWaiver.WORDING))));
	}

}
