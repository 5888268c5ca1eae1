package com.example.shop;

import java.time.Duration;

import com.example.shop.catalog.Catalog;
import com.example.shop.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * The store reuses what Stripe said about a paid purchase for {@code stripe.payment-cache-time},
 * so that a receipt or download link opened in a loop costs one Stripe call; a refund or dispute
 * made meanwhile must show once that time is up. A short time here, so the test waits little.
 */
@SellersOwnSettings
class RefundTakesEffectTests {

	static final long CACHE_MILLIS = SellersOwnSettings.PAYMENT_CACHE_MILLIS;

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	final String id = StripeStub.newSessionId();

	/** Sleeps until the cache time counted from {@code kept} (System.nanoTime()) is surely up. */
	static void waitOutTheCacheTime(long kept) throws InterruptedException {
		Thread.sleep(Math.max(0, CACHE_MILLIS + 100 - Duration.ofNanos(System.nanoTime() - kept).toMillis()));
	}

	@Test
	void aRefundShowsOnTheReceiptOnceTheCacheTimeIsUpAndNotBefore() throws Exception {
		Item item = catalog.firstItem();
		String paid = StripeStub.paidSession(id, item);
		StripeStub.willReturnSession(stripe, id, paid);
		StripeStub.willUpdateSession(stripe, id, paid);
		mvc.perform(get("/receipt/" + id)).andExpect(content().string(containsString("Thank you!")));
		// Stripe's answer was kept before this point: the cache time is up CACHE_MILLIS from here at the latest.
		long kept = System.nanoTime();

		StripeStub.willReturnSession(stripe, id, StripeStub.refunded(paid, item.amountInMinorUnits(1)));
		mvc.perform(get("/receipt/" + id)).andExpect(content().string(containsString("Thank you!")));
		waitOutTheCacheTime(kept);

		mvc.perform(get("/receipt/" + id)).andExpect(content().string(containsString("Payment refunded")));
		stripe.verify(2, getRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + id)));
	}

}
