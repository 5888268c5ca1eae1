package com.example.hostile.downloads.web;

import com.example.hostile.downloads.Browser;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on the pages no other browser test reaches: the error pages, the receipts of a purchase
 * that went wrong or was undone, and the item page on a phone. The other browser tests check the
 * pages of a purchase as they go (Browser.assertAccessible).
 */
@StoreTest
class AccessibilityBrowserTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	Catalog catalog;

	@RegisterExtension
	final Browser browser = new Browser();

	final String id = StripeStub.newSessionId();

	@Test
	void theItemPageOnADesktopAndOnAPhone() {
		browser.open(Shopper.ITEM_PAGE);
		browser.assertAccessible();

		browser.resize(375);
		browser.open(Shopper.ITEM_PAGE);
		browser.assertAccessible();
	}

	@Test
	void thePageNotFound() {
		browser.open("/no-such-page");

		assertThat(browser.find("h1").getText()).isEqualTo("Page not found");
		browser.assertAccessible();
		assertThat(browser.consoleErrors()).singleElement().asString().contains("404");
	}

	@Test
	void theErrorPageOfAReceiptStripeCannotLoad() {
		stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/checkout/sessions/" + id))
			.willReturn(aResponse().withStatus(500)
				.withHeader("Content-Type", "application/json")
				// No retries: stripe-java gives up at once.
				.withHeader("Stripe-Should-Retry", "false")
				.withBody(StripeStub.error("api_error", "api_error", "Something went wrong on Stripe's end."))));

		browser.open("/receipt/" + id);

		assertThat(browser.find("h1").getText()).isEqualTo("Something went wrong");
		browser.assertAccessible();
		assertThat(browser.consoleErrors()).singleElement().asString().contains("503");
	}

	@Test
	void theReceiptOfARefundedPurchase() {
		Item item = catalog.firstItem();
		openTheReceiptOf(StripeStub.refunded(StripeStub.paidSession(id, item), item.amountInMinorUnits(1)));

		assertThat(browser.find("h1").getText()).isEqualTo("Payment refunded");
		browser.assertAccessible();
	}

	@Test
	void theReceiptOfADisputedPurchase() {
		openTheReceiptOf(StripeStub.disputed(StripeStub.paidSession(id, catalog.firstItem())));

		assertThat(browser.find("h1").getText()).isEqualTo("Payment disputed");
		browser.assertAccessible();
	}

	@Test
	void theReceiptOfABuyerBackWithoutPaying() {
		openTheReceiptOf(StripeStub.storeSession(id, "expired", "unpaid", catalog.firstItem(), 1));

		assertThat(browser.find("h1").getText()).isEqualTo("Payment not completed");
		browser.assertAccessible();
	}

	@Test
	void theReceiptOnAPhone() {
		browser.resize(375);
		openTheReceiptOf(StripeStub.paidSession(id, catalog.firstItem()));

		assertThat(browser.find("h1").getText()).isEqualTo("Thank you!");
		browser.assertAccessible();
	}

	@Test
	void theLostLinkFormWithAnAddressItRefuses() {
		browser.open("/lost-link");
		// Past the browser's own check of the field, to the store's.
		browser.script("document.querySelector('form[action=\"/lost-link\"]').noValidate = true");
		browser.find("#email").sendKeys("not an address");
		browser.find("form[action='/lost-link'] button[type=submit]").click();

		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("lost-link-error")));
		browser.assertAccessible();
		assertThat(browser.consoleErrors()).singleElement().asString().contains("400");
	}

	void openTheReceiptOf(String session) {
		StripeStub.willReturnSession(stripe, id, session);
		StripeStub.willUpdateSession(stripe, id, session);
		browser.open("/receipt/" + id);
	}

}
