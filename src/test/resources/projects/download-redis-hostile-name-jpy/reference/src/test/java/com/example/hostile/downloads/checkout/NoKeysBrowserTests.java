package com.example.hostile.downloads.checkout;

import com.example.hostile.downloads.Browser;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StoreTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A store without Stripe keys, in a real browser: a notice, no payment form, no errors. */
// The same settings as NoKeysCheckoutTests: one context for both.
@StoreTest
@TestPropertySource(properties = { "stripe.publishable-key=", "stripe.secret-key=", "stripe.webhook-secret=" })
class NoKeysBrowserTests {

	@RegisterExtension
	final Browser browser = new Browser();

	@Test
	void theItemPageShowsTheNoticeAndLoadsNoStripeScript() {
		browser.open(Shopper.ITEM_PAGE);

		assertThat(browser.find("#payments-disabled").getText()).isEqualTo("This store is not taking payments yet.");
		assertThat(browser.findAll("#checkout")).isEmpty();
		assertThat(browser.script("return typeof Stripe")).isEqualTo("undefined");
		// The browser runs on the store's own machine, as the seller's does when trying the store out.
		assertThat(browser.find("#seller-hint").getText()).contains("STRIPE_PUBLISHABLE_KEY and STRIPE_SECRET_KEY");
		browser.screenshot("no-keys");
		browser.assertAccessible();
	}

}
