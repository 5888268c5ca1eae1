package com.example.hostile.downloads.sharedstate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import com.example.hostile.downloads.Concurrently;
import com.example.hostile.downloads.FakeStripe;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StoreApplication;
import com.example.hostile.downloads.StripeApiServer;
import com.example.hostile.downloads.StripeKey;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.fulfilment.Fulfilment;
import com.example.hostile.downloads.fulfilment.PurchaseFulfilled;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the store (two Spring contexts on their own ports) sharing one real Redis and
 * one stand-in Stripe, as behind a load balancer: the rate limits are the instances' together,
 * postPurchase runs once per purchase across both, and with Redis stopped the store keeps
 * selling (limits in each instance's memory, fulfilment at least once) until Redis is back.
 */
class TwoInstancesTests {

	// Receipt pages one client may open, across both instances.
	static final int RECEIPTS = 6;

	static RedisServer redis;

	static WireMockServer stripe;

	static final FakeStripe fakeStripe = new FakeStripe();

	static final AtomicInteger postPurchases = new AtomicInteger();

	static ConfigurableApplicationContext one;

	static ConfigurableApplicationContext two;

	@BeforeAll
	static void startRedisStripeAndTwoInstances() throws Exception {
		redis = new RedisServer();
		redis.start();
		stripe = StripeApiServer.start(fakeStripe, new StripeKey(), 16);
		one = instance();
		two = instance();
	}

	@AfterAll
	static void stopAll() throws Exception {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { one, two }) {
			if (instance != null) {
				instance.close();
			}
		}
		if (stripe != null) {
			stripe.stop();
		}
		if (redis != null) {
			redis.stop();
		}
	}

	static ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(StoreApplication.class)
			// PurchaseFulfilled is published as often as postPurchase runs.
			.listeners(event -> {
				if (event instanceof PayloadApplicationEvent<?> payload
						&& payload.getPayload() instanceof PurchaseFulfilled) {
					postPurchases.incrementAndGet();
				}
			})
			// As command-line arguments, which win over application.yml.
			.run("--server.port=0", "--stripe.publishable-key=" + StripeStub.PUBLISHABLE_KEY,
					"--stripe.secret-key=" + StripeStub.SECRET_KEY, "--stripe.webhook-secret=" + StripeStub.WEBHOOK_SECRET,
					"--stripe.api-base=" + stripe.baseUrl(), "--spring.data.redis.host=127.0.0.1",
					"--spring.data.redis.port=" + redis.port(), "--rate-limits.receipts-per-client.attempts=" + RECEIPTS);
	}

	@BeforeEach
	void freshRedisAndStripe() throws Exception {
		stripe.resetAll();
		fakeStripe.answer(stripe);
		// Running, whatever an earlier test did to it, and both instances counting there (a cold
		// start can make a first call time out, and an instance do without Redis for a moment).
		redis.start();
		awaitBothCountingInRedis();
		postPurchases.set(0);
	}

	@Test
	void aClientSpreadOverBothInstancesIsStoppedAtTheSharedLimit() {
		assertThat(receiptsAnswered(2 * RECEIPTS)).isEqualTo(RECEIPTS);
	}

	@Test
	void aPurchaseFulfilledThroughBothInstancesAtOnceRunsPostPurchaseOnce() throws Exception {
		Session paid = aPaidSession(one);
		// Each instance holds a copy read before the mark, as a receipt and a webhook would.
		List<Callable<Boolean>> fulfilments = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			fulfilments.add(() -> one.getBean(Fulfilment.class).fulfil(paid));
			fulfilments.add(() -> two.getBean(Fulfilment.class).fulfil(paid));
		}

		List<Boolean> fulfilled = Concurrently.run(fulfilments);

		assertThat(fulfilled).containsOnlyOnce(true);
		assertThat(postPurchases).hasValue(1);
		assertThat(fakeStripe.session(paid.getId())).contains("\"fulfilled\":\"true\"");
	}

	@Test
	void withRedisStoppedTheStoreKeepsSellingAndSharesAgainOnceRedisIsBack() throws Exception {
		redis.stop();

		// The load balancer keeps both instances; checkouts open; each counts receipts in its own memory.
		assertThat(new Shopper(port(one)).get("/actuator/health", "Accept", "application/json").body())
			.contains("\"UP\"");
		Session paid = aPaidSession(two);
		Shopper shopper = new Shopper(port(one));
		shopper.opensTheItemPage();
		assertThat(shopper.opensTheCheckout(one.getBean(Catalog.class).firstItem().id(), 1)).startsWith("cs_");
		assertThat(receiptsAnswered(2 * RECEIPTS + 2)).isEqualTo(2 * RECEIPTS);
		// Fulfilment happens: at least once, with Stripe's mark.
		assertThat(one.getBean(Fulfilment.class).fulfil(paid)).isTrue();
		assertThat(postPurchases).hasValue(1);
		assertThat(fakeStripe.session(paid.getId())).contains("\"fulfilled\":\"true\"");

		redis.start();
		awaitBothCountingInRedis();
		assertThat(receiptsAnswered(2 * RECEIPTS)).isEqualTo(RECEIPTS);
	}

	/** Opens receipt pages as one client, alternating between the instances; returns how many were not refused. */
	static int receiptsAnswered(int attempts) {
		int answered = 0;
		for (int i = 0; i < attempts; i++) {
			ConfigurableApplicationContext instance = i % 2 == 0 ? one : two;
			int status = new Shopper(port(instance)).get("/receipt/" + StripeStub.newSessionId()).statusCode();
			if (status != 429) {
				answered++;
			}
		}
		return answered;
	}

	static Session aPaidSession(ConfigurableApplicationContext instance) {
		Shopper shopper = new Shopper(port(instance));
		shopper.opensTheItemPage();
		String id = shopper.opensTheCheckout(instance.getBean(Catalog.class).firstItem().id(), 1);
		fakeStripe.pay(id);
		return ApiResource.GSON.fromJson(fakeStripe.session(id), Session.class);
	}

	/** Each instance goes back to Redis within a few seconds, on its next request; then Redis is emptied. */
	static void awaitBothCountingInRedis() throws Exception {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (System.nanoTime() - deadline < 0) {
			if (countsInRedis(one) && countsInRedis(two)) {
				flushRedis();
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("The instances did not go back to Redis within 30 s");
	}

	static boolean countsInRedis(ConfigurableApplicationContext instance) throws Exception {
		flushRedis();
		new Shopper(port(instance)).get("/receipt/" + StripeStub.newSessionId());
		return !redis.cli("--scan", "--pattern", "rate-limit:*").isEmpty();
	}

	static void flushRedis() throws Exception {
		redis.cli("FLUSHALL");
	}

	static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

}
