package com.example.posters;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The store of {@link StoreTest} at the public address a seller gives it (store.base-url): one annotation, so that the
 * tests of these settings share one Spring context. Each checks what its own setting changes.
 * No browser test may use it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@StoreTest
@TestPropertySource(properties = {
		// site/BaseUrlTests
		"store.base-url=https://shop.example.com/" })
public @interface SellersItemAndAddress {

}
