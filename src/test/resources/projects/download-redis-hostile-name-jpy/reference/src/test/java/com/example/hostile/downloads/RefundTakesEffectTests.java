package com.example.hostile.downloads;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

	static final Pattern DOWNLOAD_LINK = Pattern.compile("href=\"(/download/[^\"]+)\"");

	@Test
	void aDisputeClosesTheDownloadOnceTheCacheTimeIsUpAndNotBefore() throws Exception {
		Item item = catalog.firstItem();
		String paid = StripeStub.paidSession(id, item);
		StripeStub.willReturnSession(stripe, id, paid);
		StripeStub.willUpdateSession(stripe, id, paid);
		String receipt = mvc.perform(get("/receipt/" + id)).andReturn().getResponse().getContentAsString();
		long kept = System.nanoTime();
		Matcher link = DOWNLOAD_LINK.matcher(receipt);
		assertThat(link.find()).as("a download link on the receipt").isTrue();
		// A first byte only: a whole download, where downloads are limited, is recorded at Stripe and read again.
		mvc.perform(get(link.group(1)).header("Range", "bytes=0-0")).andExpect(status().isPartialContent());

		StripeStub.willReturnSession(stripe, id, StripeStub.disputed(paid));
		mvc.perform(get(link.group(1))).andExpect(status().isOk());
		waitOutTheCacheTime(kept);

		mvc.perform(get(link.group(1))).andExpect(status().isForbidden())
			.andExpect(content().string(containsString("disputed")));
		stripe.verify(2, getRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + id)));
	}

}
