package com.example.hostile.downloads.licence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.example.hostile.downloads.StoreTest;

import org.springframework.test.context.TestPropertySource;

/**
 * The store of {@link StoreTest} with licence keys on: one context for every test class that says
 * this. The limit on licence checks is lifted here, as the tests check many keys from one address;
 * ratelimit/RateLimiterTests tests it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@StoreTest
@TestPropertySource(properties = { "licence-keys.secret=" + LicenceKeysOn.SECRET,
		"licence-keys.checks-per-client.attempts=100000" })
@interface LicenceKeysOn {

	String SECRET = "NOTAREALSECRET_canary_licence_keys";

}
