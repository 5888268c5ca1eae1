package com.example.shop.stripe;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.example.shop.StoreTest;

import org.springframework.test.context.TestPropertySource;

/**
 * The store holding a restricted key (rk_), for the tests of what such a key may do: one
 * annotation, so that they share one Spring context. Stripe's answer about a paid purchase is not
 * reused (stripe.payment-cache-time=0s), so that each request asks Stripe as it would once the
 * cache has expired. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@StoreTest
@TestPropertySource(properties = { "stripe.secret-key=rk_test_placeholder_for_tests",
		"stripe.payment-cache-time=0s" })
@interface RestrictedKeyStore {

}
