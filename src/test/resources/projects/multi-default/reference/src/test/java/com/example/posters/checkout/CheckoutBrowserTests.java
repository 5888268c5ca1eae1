package com.example.posters.checkout;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.example.posters.Browser;
import com.example.posters.StoreTest;
import com.example.posters.StripeStub;
import com.example.posters.catalog.Catalog;
import com.example.posters.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkout in a real browser: checkout.js against the store on a real port, with a stand-in
 * for stripe.js (src/test/resources/static/test/fake-stripe.js) and WireMock for Stripe's API.
 * To add a flow: stub Stripe's answer, open the page, click, and check where the browser lands.
 */
@StoreTest
class CheckoutBrowserTests {

	// The first item's page: "/" in a one-item store, "/items/<id>" in a catalog.
	static final String ITEM_PAGE = "/items/item";

	static final AtomicInteger payments = new AtomicInteger();

	// A new payment for each test: the store remembers for a while which payments it fulfilled.
	final String PI = "pi_3TestBrowser" + payments.incrementAndGet();

	@Autowired
	WireMockServer stripe;

	@Autowired
	Catalog catalog;

	@RegisterExtension
	final Browser browser = new Browser();

	Item item;

	@BeforeEach
	void sellTheFirstItem() {
		item = catalog.firstItem();
	}

	String intent(String status) {
		return StripeStub.paymentIntent(PI, status, item.amountInMinorUnits(1), item.currency(),
				StripeStub.storeMetadata(item, 1));
	}

	void payWithTheTestCard() {
		browser.waitFor(driver -> browser.script("return window.fakeStripe && window.fakeStripe.mounted"));
		browser.find("#email").sendKeys("shopper@example.com");
		browser.find("#submit").click();
	}

	@Test
	void theItemPageLoadsWithThePaymentElementMounted() {
		browser.open(ITEM_PAGE);

		browser.waitFor(driver -> browser.script("return window.fakeStripe.mounted"));
		assertThat(browser.find("h1").getText()).isEqualTo(item.name());
		assertThat(browser.findAll("#payment-element .fake-card-field")).hasSize(1);
		assertThat(browser.script("return window.fakeStripe.publishableKey")).isEqualTo(StripeStub.PUBLISHABLE_KEY);
		assertThat(browser.script("return window.fakeStripe.elementsOptions.amount"))
			.isEqualTo(item.amountInMinorUnits(1));
		browser.screenshot("item");
	}

	@Test
	void payingLandsOnTheReceipt() {
		StripeStub.willCreatePaymentIntent(stripe, intent("succeeded"));
		StripeStub.willUpdatePaymentIntent(stripe, PI, intent("succeeded"));
		StripeStub.willReturnPaymentIntent(stripe, PI, intent("succeeded"));

		browser.open(ITEM_PAGE);
		payWithTheTestCard();

		browser.waitFor(ExpectedConditions.urlContains("/receipt/" + PI + "/"));
		assertThat(browser.find("h1").getText()).isEqualTo("Thank you!");
		assertThat(browser.find("dl").getText()).contains(item.name(), item.formattedPrice(catalog.locale()));
		browser.screenshot("receipt");
	}

	@Test
	void threeDSecureRunsInTheBrowserThenLandsOnTheReceipt() {
		StripeStub.willCreatePaymentIntent(stripe, intent("requires_action"));
		StripeStub.willReturnPaymentIntent(stripe, PI, intent("succeeded"));
		StripeStub.willUpdatePaymentIntent(stripe, PI, intent("succeeded"));

		browser.open(ITEM_PAGE);
		payWithTheTestCard();

		browser.waitFor(ExpectedConditions.urlContains("/receipt/" + PI + "/"));
		assertThat(browser.script("return sessionStorage.getItem('fakeStripe.nextActionFor')"))
			.isEqualTo(StripeStub.clientSecret(PI));
		stripe.verify(getRequestedFor(urlPathEqualTo("/v1/payment_intents/" + PI)));
		assertThat(browser.find("h1").getText()).isEqualTo("Thank you!");
	}

	@Test
	void aDeclineShowsStripesMessageAndTheFormStaysUsable() {
		StripeStub.willDecline(stripe);

		browser.open(ITEM_PAGE);
		payWithTheTestCard();

		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("payment-message"),
				"Your card was declined."));
		assertThat(browser.find("#submit").isEnabled()).isTrue();
		assertThat(browser.path()).isEqualTo(ITEM_PAGE);
		// Chromium reports the store's 402 answer in the console; that one is expected here.
		assertThat(browser.consoleErrors()).singleElement().asString().contains("/purchase", "402");
		browser.screenshot("declined");
	}

	/**
	 * Stripe's answer is lost on the way (the charge may or may not have happened). Paying again
	 * sends the same confirmation token, hence the same idempotency key: Stripe answers with that
	 * payment, and the shopper lands on its receipt having paid once.
	 */
	@Test
	void payingAgainAfterNoAnswerRetriesTheSameAttempt() {
		StripeStub.willDropTheConnection(stripe, Fault.CONNECTION_RESET_BY_PEER);
		browser.open(ITEM_PAGE);
		payWithTheTestCard();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("payment-message"),
				"will not be charged twice"));

		StripeStub.willCreatePaymentIntent(stripe, intent("succeeded"));
		StripeStub.willUpdatePaymentIntent(stripe, PI, intent("succeeded"));
		StripeStub.willReturnPaymentIntent(stripe, PI, intent("succeeded"));
		browser.find("#submit").click();

		browser.waitFor(ExpectedConditions.urlContains("/receipt/" + PI + "/"));
		// Every call to Stripe (the JDK itself may resend a POST once on a dropped connection) was
		// the same attempt: one token, one idempotency key.
		List<LoggedRequest> creates = stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
		assertThat(creates).hasSizeGreaterThanOrEqualTo(2)
			.allMatch(create -> create.getBodyAsString().contains("confirmation_token=ctoken_1BrowserTest1"))
			.allMatch(create -> "purchase-ctoken_1BrowserTest1".equals(create.getHeader("Idempotency-Key")));
		assertThat(browser.consoleErrors()).singleElement().asString().contains("/purchase", "503");
	}

	@Test
	void editingTheCardAfterNoAnswerMakesANewAttempt() {
		StripeStub.willDropTheConnection(stripe, Fault.CONNECTION_RESET_BY_PEER);

		browser.open(ITEM_PAGE);
		payWithTheTestCard();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("payment-message"),
				"will not be charged twice"));
		browser.script("window.fakeStripe.changeCard()");
		browser.find("#submit").click();

		browser.waitFor(driver -> !stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
			.withFormParam("confirmation_token", equalTo("ctoken_1BrowserTest2"))).isEmpty());
		// The second answer is in (the button is back) before the console is read: its 503 too.
		browser.waitFor(ExpectedConditions.elementToBeClickable(By.id("submit")));
		assertThat(browser.script("return window.fakeStripe.tokensCreated")).isEqualTo(2L);
		assertThat(browser.consoleErrors()).isNotEmpty().allMatch(error -> error.contains("503"));
	}

}
