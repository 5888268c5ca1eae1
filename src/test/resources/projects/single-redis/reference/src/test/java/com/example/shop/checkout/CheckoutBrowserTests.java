package com.example.shop.checkout;

import com.example.shop.Browser;
import com.example.shop.FakeStripe;
import com.example.shop.PurchaseHooks;
import com.example.shop.Shopper;
import com.example.shop.StoreTest;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The checkout in a real browser: checkout.js against the store on a real port, with a stand-in
 * for Stripe.js (src/test/resources/static/test/fake-stripe.js) and FakeStripe on WireMock for
 * Stripe's API. Each payment method of the stand-in plays one way a purchase goes.
 */
@StoreTest
class CheckoutBrowserTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	PurchaseHooks hooks;

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

	void openTheCheckout() {
		browser.open(Shopper.ITEM_PAGE);
		browser.screenshot("item");
		browser.pressBuy();
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("submit")));
	}

	void payWith(String method) {
		new Select(browser.find("#fake-payment-method")).selectByValue(method);
		browser.find("#email").sendKeys("shopper@example.com");
		browser.find("#submit").click();
	}

	void landsOnTheReceipt(String heading) {
		browser.waitFor(ExpectedConditions.urlMatches("/receipt/cs_test_[A-Za-z0-9]+$"));
		assertThat(browser.find("h1").getText()).isEqualTo(heading);
	}

	@Test
	void aCardPaymentEndsOnTheReceiptAndFulfilsOnce() {
		openTheCheckout();

		assertThat(browser.script("return window.fakeStripe.publishableKey")).isEqualTo(StripeStub.PUBLISHABLE_KEY);
		// store.locale is en-US: Stripe's form in English.
		assertThat(browser.script("return window.fakeStripe.stripeOptions.locale")).isEqualTo("en");
		assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en-US");
		assertThat(browser.find("#total").getText()).isEqualTo(item.formattedPrice(catalog.locale()));
		assertThat(browser.find("#submit").getText()).isEqualTo("Pay " + item.formattedPrice(catalog.locale()));
		browser.screenshot("checkout-open");
		browser.assertAccessible();
		payWith("card");

		landsOnTheReceipt("Thank you!");
		browser.screenshot("receipt");
		browser.assertAccessible();
		verify(hooks, timeout(5000).times(1)).postPurchase(any());
	}

	@Test
	void theWalletButtonIsMountedAndPays() {
		openTheCheckout();

		assertThat(browser.script("return window.fakeStripe.mounted.expressCheckout")).isEqualTo("#express-checkout");
		browser.find("#fake-wallet").click();

		landsOnTheReceipt("Thank you!");
		assertThat(browser.script("return JSON.parse(sessionStorage.getItem('fakeStripe.confirmed'))")).asList()
			.containsExactly("wallet");
	}

	/**
	 * The wallet's button shows as soon as Stripe has it; here the buyer pays with it while the rest
	 * of the checkout is still loading (the stand-in holds Stripe.js's actions back, as a slow
	 * network would). The payment waits for them, and goes through.
	 */
	@Test
	void aWalletPaymentConfirmedBeforeTheCheckoutHasLoadedGoesThrough() {
		browser.open(Shopper.ITEM_PAGE);
		browser.onFakeStripe("holdActions()");
		browser.pressBuy();

		browser.waitFor(ExpectedConditions.elementToBeClickable(By.id("fake-wallet"))).click();
		assertThat(browser.find("#fake-wallet-sheet").getText()).isEqualTo("Wallet: Processing\u2026");
		browser.onFakeStripe("releaseActions()");

		landsOnTheReceipt("Thank you!");
		assertThat(browser.script("return JSON.parse(sessionStorage.getItem('fakeStripe.confirmed'))")).asList()
			.containsExactly("wallet");
	}

	/**
	 * A wallet whose card is declined: the wallet's sheet is told (paymentFailed), so it stops
	 * waiting and says so, the page says why, and the buyer pays another way.
	 */
	@Test
	void aDeclinedWalletPaymentTellsTheWalletAndAnotherWayPays() {
		openTheCheckout();
		browser.onFakeStripe("walletDeclines = true");
		browser.find("#fake-wallet").click();

		browser.waitFor(ExpectedConditions.textToBe(By.id("fake-wallet-sheet"),
				"Wallet: Payment not completed: Your card was declined."));
		assertThat(browser.find("#payment-message").getText()).isEqualTo("Your card was declined.");
		assertThat(browser.script("return window.fakeStripe.walletFailures.map(failure => failure.reason)")).asList()
			.containsExactly("fail");
		// Stripe answers a declined payment 402, which the browser logs, as it does with Stripe.
		assertThat(browser.consoleErrors()).singleElement().asString().contains("api.stripe.com", "402");

		payWith("card");
		landsOnTheReceipt("Thank you!");
	}

	/** Stripe.js could not load the session: the page says so rather than wait for ever. */
	@Test
	void aCheckoutStripeCannotLoadSaysSo() {
		browser.open(Shopper.ITEM_PAGE);
		browser.onFakeStripe("failLoadActions('Something went wrong. Please try again.')");
		browser.pressBuy();

		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("payment-message")));
		assertThat(browser.find("#payment-message").getText()).isEqualTo("Something went wrong. Please try again.");
	}

	@Test
	void threeDSecurePassedEndsOnTheReceipt() {
		openTheCheckout();
		payWith("card_3ds");

		browser.waitFor(ExpectedConditions.elementToBeClickable(By.id("fake-3ds-complete"))).click();

		landsOnTheReceipt("Thank you!");
	}

	@Test
	void aDeclinedCardSaysSoAndAnotherCardPays() {
		openTheCheckout();
		payWith("card_declined");

		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("payment-message")));
		assertThat(browser.find("#payment-message").getText()).isEqualTo("Your card was declined.");
		assertThat(browser.find("#submit").isEnabled()).isTrue();
		assertThat(browser.consoleErrors()).singleElement().asString().contains("api.stripe.com", "402");
		browser.screenshot("declined");
		browser.assertAccessible();

		new Select(browser.find("#fake-payment-method")).selectByValue("card");
		browser.find("#submit").click();
		landsOnTheReceipt("Thank you!");
	}

	@Test
	void aRedirectingMethodGoesThroughTheBankAndBack() {
		openTheCheckout();
		payWith("ideal");

		browser.waitFor(ExpectedConditions.urlContains("/test/fake-bank.html"));
		browser.find("#approve").click();

		landsOnTheReceipt("Thank you!");
	}

	@Test
	void aDelayedMethodEndsOnTheProcessingReceipt() {
		openTheCheckout();
		payWith("sepa_debit");

		landsOnTheReceipt("Thank you!");
		assertThat(browser.find(".receipt").getText()).contains("being processed");
		browser.screenshot("receipt-processing");
		browser.assertAccessible();
		verify(hooks, times(0)).postPurchase(any());
	}

}
