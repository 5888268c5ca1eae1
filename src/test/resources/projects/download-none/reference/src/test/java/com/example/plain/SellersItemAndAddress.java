package com.example.plain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The store of {@link StoreTest} at the public address a seller gives it (store.base-url), selling
 * an item of the seller's whose name and description try every trick: one annotation, so that the
 * tests of these settings share one Spring context. Each checks what its own setting changes.
 * No browser test may use it: the item's image is on a site the tests cannot reach.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@StoreTest
@TestPropertySource(properties = {
		// site/BaseUrlTests
		"store.base-url=https://shop.example.com/",
		// catalog/ItemControllerTests
		"store.items[0].id=poster",
		"store.items[0].name=<script>alert(\"x\")</script> Tom & Jerry's \\\\${user.home} \u00e9t\u00e9 \u65e5\u672c",
		"store.items[0].description=Printed <b>on</b> paper",
		"store.items[0].price=12.5",
		"store.items[0].currency=usd",
		"store.items[0].image=https://cdn.example.com/poster.jpg",
		"store.items[0].image-alt=The poster: \"moths\" <at> night" })
public @interface SellersItemAndAddress {

}
