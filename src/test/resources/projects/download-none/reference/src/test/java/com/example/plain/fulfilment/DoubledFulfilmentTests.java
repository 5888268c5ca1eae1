package com.example.plain.fulfilment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.example.plain.Concurrently;
import com.example.plain.FakeStripe;
import com.example.plain.PurchaseHooks;
import com.example.plain.Shopper;
import com.example.plain.StoreTest;
import com.example.plain.StripeSignature;
import com.example.plain.StripeStub;
import com.example.plain.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * A buyer whose browser opens the receipt twice (a double click, a reload, two tabs) while Stripe
 * delivers the webhook twice, all at once: one purchase, one postPurchase, one mark at Stripe.
 * Over real HTTP, with {@link FakeStripe} keeping the session as Stripe would.
 */
@StoreTest
class DoubledFulfilmentTests {

	static final int RECEIPTS = 4;

	static final int DELIVERIES = 4;

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	Catalog catalog;

	// The real hooks, watched: postPurchase is counted, not replaced.
	@Autowired
	PurchaseHooks hooks;

	@LocalServerPort
	int port;

	final HttpClient http = Shopper.client();

	@BeforeEach
	void slowPostPurchase() {
		fakeStripe.answer(stripe);
		// A postPurchase that takes a while (sending an e-mail, say) keeps the first fulfilment
		// open while the other requests arrive: the case the claims must handle.
		doAnswer(call -> {
			Thread.sleep(200);
			return call.callRealMethod();
		}).when(hooks).postPurchase(any());
	}

	/** A shopper who has paid for the first item, as Stripe.js would have it paid. */
	String aPaidCheckout(Shopper shopper) {
		shopper.opensTheItemPage();
		String id = shopper.opensTheCheckout(catalog.firstItem().id(), 1);
		fakeStripe.pay(id);
		return id;
	}

	int deliver(String type, String session) {
		String event = StripeStub.event(type, session);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/stripe/webhook"))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", StripeSignature.signNow(event))
			.POST(HttpRequest.BodyPublishers.ofString(event))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	RequestPatternBuilder marking(String id) {
		return postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + id)).withFormParam("metadata[fulfilled]",
				equalTo("true"));
	}

	@Test
	void receiptsOpenedTwiceAndTheWebhookDeliveredTwiceAtOnceFulfilOnce() throws Exception {
		Shopper shopper = new Shopper(http, port);
		String id = aPaidCheckout(shopper);
		// The event as Stripe sends it: the session as it stood when paid, not yet marked.
		String paid = fakeStripe.session(id);

		List<Callable<Integer>> racers = new ArrayList<>();
		for (int i = 0; i < Math.max(RECEIPTS, DELIVERIES); i++) {
			if (i < RECEIPTS) {
				racers.add(() -> shopper.get("/receipt/" + id).statusCode());
			}
			if (i < DELIVERIES) {
				racers.add(() -> deliver("checkout.session.completed", paid));
			}
		}
		List<Integer> statuses = Concurrently.run(racers);

		assertThat(statuses).containsOnly(200);
		verify(hooks, times(1)).postPurchase(any());
		stripe.verify(exactly(1), marking(id));
		assertThat(fakeStripe.session(id)).contains("\"fulfilled\":\"true\"");
	}

	@Test
	void theReceiptAndWebhookComingBackLaterDoNotFulfilAgain() throws Exception {
		Shopper shopper = new Shopper(http, port);
		String id = aPaidCheckout(shopper);
		String paid = fakeStripe.session(id);
		assertThat(shopper.get("/receipt/" + id).body()).contains("Thank you!");

		// A reload, and Stripe delivering the old event again (its copy has no mark).
		assertThat(shopper.get("/receipt/" + id).body()).contains("Thank you!");
		assertThat(deliver("checkout.session.completed", paid)).isEqualTo(200);
		assertThat(deliver("checkout.session.async_payment_succeeded", paid)).isEqualTo(200);

		verify(hooks, times(1)).postPurchase(any());
		stripe.verify(exactly(1), marking(id));
	}

}
