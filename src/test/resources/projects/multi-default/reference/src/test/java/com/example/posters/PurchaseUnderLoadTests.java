package com.example.posters;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.example.posters.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing lost under load: 160 shoppers, 32 at a time, through the real HTTP stack (Tomcat,
 * Spring Security's CSRF check, the controllers, stripe-java), against a fake Stripe that keeps
 * each Checkout Session. Each opens a checkout, pays, and lands on the receipt; for every other
 * one, Stripe's webhook arrives at the same moment as the buyer. Every paid session must reach
 * postPurchase exactly once, and no shopper (nor Stripe) may get an error.
 */
@StoreTest
@ExtendWith(QuietOutputCaptureExtension.class)
class PurchaseUnderLoadTests {

	// Five crowds' worth: the races are between shoppers at once, so more of them in a row would
	// add seconds, not races of another kind.
	static final int SHOPPERS = 160;

	static final int SHOPPERS_AT_ONCE = 32;

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	Catalog catalog;

	// The real hooks, watched: every call to postPurchase is recorded with its Purchase.
	@Autowired
	PurchaseHooks hooks;

	@LocalServerPort
	int port;

	@BeforeEach
	void stripeAnswers() {
		fakeStripe.answer(stripe);
	}

	/** What the store answered one shopper, and Stripe's webhook delivery for the purchase if one was sent. */
	record Outcome(String sessionId, HttpResponse<String> checkout, HttpResponse<String> receipt,
			HttpResponse<String> webhook) {
	}

	/** One shopper's browser, as checkout.js and Stripe.js drive it, with Stripe's webhook for every other one. */
	Outcome shopperBuys(int n, HttpClient http, ExecutorService stripeSide) throws Exception {
		Shopper shopper = new Shopper(http, port);
		shopper.opensTheItemPage();
		HttpResponse<String> checkout = shopper.post("/checkout", CheckoutJson.order(catalog.firstItem().id(), 1 + n % catalog.maxQuantity()));
		if (checkout.statusCode() != 200) {
			return new Outcome(null, checkout, null, null);
		}
		String sessionId = FakeStripe.sessionIdOf(Shopper.json(checkout).path("clientSecret").asString());
		fakeStripe.pay(sessionId);
		Future<HttpResponse<String>> delivery = n % 2 == 0 ? stripeSide.submit(() -> webhook(http, sessionId)) : null;
		HttpResponse<String> receipt = shopper.get("/receipt/" + sessionId);
		return new Outcome(sessionId, checkout, receipt, delivery == null ? null : delivery.get(30, TimeUnit.SECONDS));
	}

	HttpResponse<String> webhook(HttpClient http, String sessionId) {
		String event = StripeStub.event("checkout.session.completed", fakeStripe.session(sessionId));
		Shopper stripeItself = new Shopper(http, port);
		return stripeItself.send(stripeItself.request("/stripe/webhook", "Content-Type", "application/json",
				"Stripe-Signature", StripeSignature.signNow(event))
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(event)));
	}

	@Test
	void everyPaidSessionIsFulfilledExactlyOnceAndNoneIsLost() throws Exception {
		HttpClient http = Shopper.client();
		ExecutorService crowd = Executors.newFixedThreadPool(SHOPPERS_AT_ONCE);
		ExecutorService stripeSide = Executors.newFixedThreadPool(SHOPPERS_AT_ONCE / 2);
		long start = System.nanoTime();
		List<Future<Outcome>> running = IntStream.range(0, SHOPPERS)
			.mapToObj(n -> crowd.submit(() -> shopperBuys(n, http, stripeSide)))
			.toList();
		List<Outcome> outcomes = new ArrayList<>();
		try {
			for (Future<Outcome> shopper : running) {
				outcomes.add(shopper.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			crowd.shutdownNow();
			stripeSide.shutdownNow();
		}
		Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
		Map<String, Long> fulfilments = postPurchaseCallsBySession();
		List<String> paid = outcomes.stream().map(Outcome::sessionId).filter(id -> id != null).toList();
		System.out.printf("Purchases under load: %d shoppers, %d at once, in %d ms: %d paid, %d fulfilled, %d lost%n",
				outcomes.size(), SHOPPERS_AT_ONCE, wallTime.toMillis(), paid.size(), fulfilments.size(),
				paid.stream().filter(id -> !fulfilments.containsKey(id)).count());

		assertThat(outcomes).allSatisfy(outcome -> {
			assertThat(outcome.checkout().statusCode()).as("the checkout: " + outcome.checkout().body()).isEqualTo(200);
			assertThat(outcome.receipt().statusCode()).as("the receipt").isEqualTo(200);
			assertThat(outcome.receipt().body()).contains("Thank you!");
		});
		assertThat(outcomes).filteredOn(outcome -> outcome.webhook() != null)
			.hasSize(SHOPPERS / 2)
			.allSatisfy(outcome -> assertThat(outcome.webhook().statusCode()).as("the webhook").isEqualTo(200));
		// Each paid session exactly once; nothing twice, nothing made up, none lost.
		assertThat(fulfilments).isEqualTo(paid.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)));
		assertThat(sessionsCreated()).isEqualTo(SHOPPERS);
	}

	Map<String, Long> postPurchaseCallsBySession() {
		return Mockito.mockingDetails(hooks)
			.getInvocations()
			.stream()
			.filter(call -> call.getMethod().getName().equals("postPurchase"))
			.map(call -> call.<Purchase>getArgument(0).id())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	long sessionsCreated() {
		return stripe.getAllServeEvents()
			.stream()
			.map(event -> event.getRequest())
			.filter(request -> request.getMethod().equals(RequestMethod.POST)
					&& request.getUrl().equals("/v1/checkout/sessions"))
			.count();
	}

}
