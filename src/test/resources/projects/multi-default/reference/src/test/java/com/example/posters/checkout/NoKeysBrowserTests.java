package com.example.posters.checkout;

import com.example.posters.Browser;
import com.example.posters.StoreTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A store without Stripe keys, in a real browser: a notice, no payment form, no errors. */
// The same settings as NoKeysPurchaseTests and StoreIntegrationTests: one context for the three.
@StoreTest
@TestPropertySource(properties = { "stripe.publishable-key=", "stripe.secret-key=", "stripe.webhook-secret=" })
class NoKeysBrowserTests {

	// The first item's page: "/" in a one-item store, "/items/<id>" in a catalog.
	static final String ITEM_PAGE = "/items/item";

	@RegisterExtension
	final Browser browser = new Browser();

	@Test
	void theItemPageShowsTheNoticeAndLoadsNoStripeScript() {
		browser.open(ITEM_PAGE);

		assertThat(browser.find("#payments-disabled").getText()).contains("This store is not taking payments yet");
		assertThat(browser.findAll("#payment-form")).isEmpty();
		assertThat(browser.script("return typeof Stripe")).isEqualTo("undefined");
		browser.screenshot("no-keys");
	}

}
