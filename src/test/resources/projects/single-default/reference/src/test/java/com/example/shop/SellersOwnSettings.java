package com.example.shop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The store of {@link StoreTest} with settings a seller changes from their defaults, for the tests
 * of those settings: one annotation, so that they share one Spring context instead of starting one
 * each. The settings do not meet: each test checks what its own setting changes, and none counts
 * on another being at its default. (The seller's item and address are apart, in
 * {@link SellersItemAndAddress}: the item's image, on a site the tests cannot reach, would be an
 * error in every browser test here, and the address would send the browser away from the store.)
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@StoreTest
@TestPropertySource(properties = {
		// checkout/CheckoutSwitchesTests, web/AddressElementPolicyTests: every switch under checkout.*.
		"checkout.promotion-codes=true", "checkout.automatic-tax=true", "checkout.adaptive-pricing=true",
		"checkout.create-customer=true",
		// RefundTakesEffectTests: a short payment cache, so that it waits little.
		"stripe.payment-cache-time=" + SellersOwnSettings.PAYMENT_CACHE_MILLIS + "ms",
		// site/UntranslatedLanguageTests: a language without a messages file, so the words stay English.
		"store.locale=fr-FR",
		// web/BehindAProxyTests and mail/PurchaseMailBehindAProxyTests: behind a proxy that terminates
		// TLS, which the store trusts to say who the client is and how it came.
		"server.forward-headers-strategy=native" })
public @interface SellersOwnSettings {

	long PAYMENT_CACHE_MILLIS = 1000;

}
