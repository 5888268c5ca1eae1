package com.example.downloads.demo;

import com.example.downloads.FakeStripe;
import com.example.downloads.StoreTest;
import com.example.downloads.StripeJsApi;
import com.example.downloads.StripeStub;
import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Stripe for the demo, played by the tests' stand-ins: its API by {@link FakeStripe} on the tests'
 * WireMock server ({@link StoreTest.StripeApi}) at stripe.api-base; Stripe.js by
 * src/test/resources/static/test/fake-stripe.js, which the store serves itself at stripe.js-url
 * (nobody can send a visitor's browser elsewhere for js.stripe.com), and which talks to
 * {@link StripeJsApiController} on the store's own address. The keys are the tests' placeholders,
 * which Stripe would refuse.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ StoreTest.StripeApi.class, StripeJsApiController.class })
class DemoStripe {

	static final String STRIPE_JS = "/test/fake-stripe.js";

	/**
	 * Stripe.js's side of the fake, for {@link StripeJsApiController}. The fake answers every
	 * Checkout Session call from the start, for the whole run (a test says so before each test).
	 */
	@Bean
	StripeJsApi stripeJsApi(FakeStripe fakeStripe, WireMockServer stripeApiServer) {
		fakeStripe.answer(stripeApiServer);
		StripeJsApi api = new StripeJsApi();
		api.answerFrom(fakeStripe);
		return api;
	}

	// stripe.api-base comes from StoreTest.StripeApi, as in the tests.
	@Bean
	DynamicPropertyRegistrar stripeKeysAndStripeJs() {
		return registry -> {
			registry.add("stripe.publishable-key", () -> StripeStub.PUBLISHABLE_KEY);
			registry.add("stripe.secret-key", () -> StripeStub.SECRET_KEY);
			registry.add("stripe.webhook-secret", () -> StripeStub.WEBHOOK_SECRET);
			registry.add("stripe.js-url", () -> STRIPE_JS);
		};
	}

	// Stripe.js sends no CSRF token, and Stripe's API would not ask for one.
	@Bean
	static Customizer<HttpSecurity> stripeJsApiNeedsNoCsrfToken() {
		return http -> http.csrf(csrf -> csrf.ignoringRequestMatchers(StripeJsApiController.PATH + "/**"));
	}

}
