package com.example.shop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.example.shop.ratelimit.Buckets;
import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The store as most tests need it: on a random port (MockMvc works there too), with Stripe test
 * keys, Stripe.js played in the browser tests by src/test/resources/static/test/fake-stripe.js,
 * served from https://js.stripe.com as the store loads it (see {@link Browser}), and Stripe's API played by one WireMock server that lives as long
 * as the Spring context and answers as Stripe would ({@link StripeApiServer}). {@link PurchaseHooks} is the
 * real one, watched by a Mockito spy, and so are the rate limits' {@link Buckets}, so that a test can
 * set limits of its own ({@link TestRateLimits}). stripe-java tries a failed call again without its usual pause
 * ({@link StripeRetriesAtOnce}). Inject the server ({@code @Autowired WireMockServer stripe})
 * and, where counted, the hooks; all start clean for each test (the server's stubs, scenarios
 * and request journal are reset before it, the spies after it).
 *
 * <p>Why one annotation: Spring keeps a started context for every test class configured the same
 * way, so classes that say only {@code @StoreTest} share one store and one WireMock server instead
 * of starting their own. A class that needs the store set up otherwise (no keys, another language)
 * adds {@code @TestPropertySource} and gets a context of its own, shared with classes that set
 * exactly the same (what a test can set while the store runs, such as its rate limits, it sets
 * there instead): settings that several classes need, or that do not meet, are one annotation
 * ({@link SellersOwnSettings}, {@link SellersItemAndAddress}, stripe/RestrictedKeyStore). The
 * store keeps some things in memory for a while (which purchases it fulfilled, what Stripe said
 * about a session, each client's rate limit), so a test in the shared context uses session ids of
 * its own ({@link StripeStub#newSessionId()}) and never counts on a fresh store.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"stripe.publishable-key=" + StripeStub.PUBLISHABLE_KEY, "stripe.secret-key=" + StripeStub.SECRET_KEY,
		"stripe.webhook-secret=" + StripeStub.WEBHOOK_SECRET })
@AutoConfigureMockMvc
@Import({ StoreTest.StripeApi.class, StripeRetriesAtOnce.class })
@MockitoSpyBean(types = { PurchaseHooks.class, Buckets.class })
@TestExecutionListeners(listeners = StoreTest.StripeApi.Reset.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface StoreTest {

	/** Stripe's API for one context: started with it, stopped with it, at {@code stripe.api-base}. */
	@TestConfiguration(proxyBeanMethods = false)
	class StripeApi {

		@Bean
		FakeStripe fakeStripe() {
			return new FakeStripe();
		}

		/** The key the store holds, as Stripe sees it: a secret key, unless a test restricts it. */
		@Bean
		StripeKey stripeKey() {
			return new StripeKey();
		}

		// Threads enough for PurchaseUnderLoadTests' crowd of shoppers.
		@Bean(destroyMethod = "stop")
		WireMockServer stripeApiServer(FakeStripe fakeStripe, StripeKey stripeKey) {
			return StripeApiServer.start(fakeStripe, stripeKey, 64);
		}

		@Bean
		DynamicPropertyRegistrar stripeApiBase(WireMockServer stripeApiServer) {
			return registry -> registry.add("stripe.api-base", stripeApiServer::baseUrl);
		}

		/** Each test starts with no stubs and an empty request journal, so its counts are its own. */
		static final class Reset implements TestExecutionListener {

			@Override
			public void beforeTestMethod(TestContext testContext) {
				testContext.getApplicationContext().getBean(WireMockServer.class).resetAll();
				testContext.getApplicationContext().getBean(StripeKey.class).unrestrict();
			}

		}

	}

}
