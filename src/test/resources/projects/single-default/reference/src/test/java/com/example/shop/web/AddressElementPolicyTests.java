package com.example.shop.web;

import java.util.List;
import java.util.Map;

import com.example.shop.SellersOwnSettings;
import com.example.shop.Shopper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With checkout.automatic-tax the item page mounts the Address Element too, whose address
 * autocomplete Stripe's CSP guide (docs.stripe.com/security/guide#content-security-policy) says
 * needs https://maps.googleapis.com in script-src and connect-src. The settings are
 * {@link SellersOwnSettings}, as for CheckoutSwitchesTests, so that both share one store.
 */
@SellersOwnSettings
class AddressElementPolicyTests {

	@LocalServerPort
	int port;

	@Test
	void theItemPageAllowsWhatStripesGuideListsForEveryElementItMounts() {
		String header = new Shopper(port).get(Shopper.ITEM_PAGE).headers().firstValue("Content-Security-Policy").orElseThrow();
		Map<String, List<String>> policy = SecurityHeadersTests.directives(header);

		assertThat(policy.get("script-src")).contains("https://js.stripe.com", "https://*.js.stripe.com",
				"https://maps.googleapis.com");
		assertThat(policy.get("frame-src")).contains("https://js.stripe.com", "https://*.js.stripe.com",
				"https://hooks.stripe.com");
		assertThat(policy.get("connect-src")).contains("https://api.stripe.com", "https://maps.googleapis.com");
	}

}
