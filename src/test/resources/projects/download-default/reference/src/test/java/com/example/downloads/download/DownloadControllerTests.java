package com.example.downloads.download;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.example.downloads.StoreTest;
import com.example.downloads.StripeStub;
import com.example.downloads.catalog.Catalog;
import com.example.downloads.catalog.Item;
import com.example.downloads.checkout.ReceiptLinks;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Download links: the file for a paid, unrefunded purchase of this item, and nothing otherwise. */
@StoreTest
class DownloadControllerTests {

	@Autowired
	WireMockServer stripe;

	static final AtomicInteger payments = new AtomicInteger();

	// A new payment for each test: the store reuses what Stripe said about a payment for a while.
	final String PI = "pi_3TestDownload" + payments.incrementAndGet();

	@Autowired
	MockMvc mvc;

	@Autowired
	DownloadLinks links;

	@Autowired
	DownloadSettings settings;

	@Autowired
	Catalog catalog;

	Item item;

	@BeforeEach
	void sellTheDownload() {
		item = catalog.firstItem();
	}

	/** Stripe's answer for the PaymentIntent: the store's own, with its charge expanded as the controller asks. */
	String payment(String status) {
		return StripeStub.paymentIntent(PI, status, item.amountInMinorUnits(1), item.currency(),
				StripeStub.storeMetadata(item, 1));
	}

	void stripeHasPayment(String status, boolean refunded) {
		String intent = payment(status);
		StripeStub.willReturnPaymentIntent(stripe, PI,
				refunded ? StripeStub.refunded(intent, item.amountInMinorUnits(1)) : intent);
	}

	ResultActions follow(String path) throws Exception {
		return mvc.perform(get(path));
	}

	@Test
	void aValidLinkGivesTheFileAsAnAttachment() throws Exception {
		stripeHasPayment("succeeded", false);

		byte[] body = follow(links.pathFor(PI, item.id())).andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("attachment")))
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
					containsString(settings.file().getFileName().toString())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(body).isEqualTo(Files.readAllBytes(settings.file()));
	}

	@Test
	void aRangeRequestGetsJustThoseBytes() throws Exception {
		stripeHasPayment("succeeded", false);
		byte[] file = Files.readAllBytes(settings.file());

		byte[] body = mvc.perform(get(links.pathFor(PI, item.id())).header(HttpHeaders.RANGE, "bytes=5-14"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 5-14/" + file.length))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(body).isEqualTo(Arrays.copyOfRange(file, 5, 15));
	}

	@Test
	void theReceiptOfAPaidPurchaseCarriesAFreshLink(@Autowired ReceiptLinks receiptLinks) throws Exception {
		stripeHasPayment("succeeded", false);

		follow(receiptLinks.pathFor(PI)).andExpect(content().string(containsString("href=\"/download/")));
	}

	@Test
	void aLinkFollowedOverAndOverAsksStripeOnce() throws Exception {
		// Stripe's rate limit is per account: one link fetched in a loop must not use it up.
		stripeHasPayment("succeeded", false);

		for (int i = 0; i < 100; i++) {
			follow(links.pathFor(PI, item.id())).andExpect(status().isOk());
		}

		stripe.verify(1, getRequestedFor(urlPathEqualTo("/v1/payment_intents/" + PI)));
	}

	@Nested
	class RefusedLinks {

		@Test
		void aTamperedLinkIsRefusedWithoutAskingStripe() throws Exception {
			String path = links.pathFor(PI, item.id());
			char last = path.charAt(path.length() - 1);
			String tampered = path.substring(0, path.length() - 1) + (last == 'A' ? 'B' : 'A');

			follow(tampered).andExpect(status().isForbidden())
				.andExpect(content().string(containsString("not valid")));
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void aTruncatedLinkIsRefused() throws Exception {
			String path = links.pathFor(PI, item.id());

			follow(path.substring(0, path.length() - 10)).andExpect(status().isForbidden());
			follow(path.substring(0, path.indexOf('.'))).andExpect(status().isForbidden());
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void anExpiredLinkIsGoneAndSaysHowToGetANewOne() throws Exception {
			String expired = links.pathFor(PI, item.id(), Instant.now().minusSeconds(1));

			follow(expired).andExpect(status().isGone())
				.andExpect(content().string(containsString("Open your receipt page again")));
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void aLinkForAnotherItemIsRefused() throws Exception {
			stripeHasPayment("succeeded", false);

			follow(links.pathFor(PI, "another-item")).andExpect(status().isForbidden());
		}

		@Test
		void aRefundedPurchaseNoLongerDownloads() throws Exception {
			stripeHasPayment("succeeded", true);

			follow(links.pathFor(PI, item.id())).andExpect(status().isForbidden())
				.andExpect(content().string(containsString("refunded")));
		}

		@Test
		void aPartlyRefundedPurchaseNoLongerDownloads() throws Exception {
			StripeStub.willReturnPaymentIntent(stripe, PI, StripeStub.refunded(payment("succeeded"), 1));

			follow(links.pathFor(PI, item.id())).andExpect(status().isForbidden())
				.andExpect(content().string(containsString("refunded")));
		}

		@Test
		void aDisputedPurchaseNoLongerDownloads() throws Exception {
			StripeStub.willReturnPaymentIntent(stripe, PI, StripeStub.disputed(payment("succeeded")));

			follow(links.pathFor(PI, item.id())).andExpect(status().isForbidden())
				.andExpect(content().string(containsString("disputed")));
		}

		@Test
		void whenStripesAnswerDoesNotSayWhetherItWasRefundedTheFileIsNotServed() throws Exception {
			// The charge as an id, not expanded: a refund cannot be ruled out, so the check fails closed.
			ObjectNode intent = (ObjectNode) JsonMapper.builder().build().readTree(payment("succeeded"));
			intent.put("latest_charge", "ch_3NotExpanded");
			StripeStub.willReturnPaymentIntent(stripe, PI, intent.toString());

			follow(links.pathFor(PI, item.id())).andExpect(status().isServiceUnavailable())
				.andExpect(header().doesNotExist(HttpHeaders.CONTENT_DISPOSITION));
		}

		@Test
		void aPaymentThisStoreDidNotMakeDoesNotDownloadEvenWithItsItemId() throws Exception {
			// A payment link for one cent whose metadata names this item, as an attacker run found.
			StripeStub.willReturnPaymentIntent(stripe, PI, StripeStub.paymentIntent(PI, "succeeded", 1, item.currency(),
					Map.of("item_id", item.id(), "quantity", "1")));

			follow(links.pathFor(PI, item.id())).andExpect(status().isForbidden())
				.andExpect(header().doesNotExist(HttpHeaders.CONTENT_DISPOSITION));
		}

		@Test
		void anUnpaidPurchaseDoesNotDownload() throws Exception {
			stripeHasPayment("requires_payment_method", false);

			follow(links.pathFor(PI, item.id())).andExpect(status().isForbidden())
				.andExpect(content().string(not(containsString(new String(Files.readAllBytes(settings.file()))))));
		}

	}

}
