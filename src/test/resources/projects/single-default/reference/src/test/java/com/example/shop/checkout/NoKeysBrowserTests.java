package com.example.shop.checkout;

import com.example.shop.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** A store without Stripe keys, in a real browser: a notice, no payment form, no errors. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "stripe.publishable-key=", "stripe.secret-key=", "stripe.js-url=/test/fake-stripe.js" })
class NoKeysBrowserTests {

	// The first item's page: "/" in a one-item store, "/items/<id>" in a catalog.
	static final String ITEM_PAGE = "/";

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
