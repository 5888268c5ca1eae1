package com.example.hostile.downloads.download;

import java.util.regex.Matcher;

import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code download-limit.max-downloads}: each whole download is recorded in the session's metadata at
 * Stripe, and a purchase that has used them all gets no more (DownloadLimitBypassTests: however it
 * asks).
 */
@StoreTest
@TestPropertySource(properties = "download-limit.max-downloads=2")
class DownloadLimitTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	DownloadLinks links;

	@Autowired
	Catalog catalog;

	Item item;

	final String id = StripeStub.newSessionId();

	@BeforeEach
	void sellTheDownload() {
		item = catalog.firstItem();
	}

	/** Stripe has the paid session with this many downloads counted, and takes a new count. */
	void stripeHasDownloaded(int times) {
		String session = StripeStub.storeSession(id, "complete", "paid", item, 1, "fulfilled", "true", "downloads",
				Integer.toString(times));
		StripeStub.willReturnSession(stripe, id, session);
		StripeStub.willUpdateSession(stripe, id, session);
	}

	String link() {
		return links.pathFor(id, item.id());
	}

	@Test
	void aDownloadIsCountedAtStripe() throws Exception {
		stripeHasDownloaded(0);

		mvc.perform(get(link())).andExpect(status().isOk());

		stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + id))
			.withRequestBody(containing("metadata[downloads]=1")));
	}

	@Test
	void theNextDownloadReadsTheNewCountFromStripe() throws Exception {
		stripeHasDownloaded(1);
		mvc.perform(get(link())).andExpect(status().isOk());
		stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + id))
			.withRequestBody(containing("metadata[downloads]=2")));

		// Stripe now says 2 of 2: the store asks again rather than trusting what it had.
		stripeHasDownloaded(2);
		mvc.perform(get(link())).andExpect(status().isForbidden())
			.andExpect(content().string(containsString("has been downloaded 2 times, as many as it allows")));
	}

	@Test
	void resumingACutOffDownloadIsNotCountedAgain() throws Exception {
		stripeHasDownloaded(1);

		mvc.perform(get(link()).header(HttpHeaders.RANGE, "bytes=5-")).andExpect(status().isPartialContent());

		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + id)));
	}

	@Test
	void whenStripeCannotCountTheBuyerStillGetsTheFile() throws Exception {
		stripeHasDownloaded(0);
		stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions/" + id)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody(StripeStub.error("invalid_request_error", "parameter_invalid", "Refused"))));

		mvc.perform(get(link())).andExpect(status().isOk());
	}

	@Test
	void theSellerGivesAPurchaseMoreDownloadsWithExtraDownloadsAtStripe() throws Exception {
		// Used up (2 of 2); the seller set metadata[extra_downloads]=1 on the session.
		String session = StripeStub.storeSession(id, "complete", "paid", item, 1, "fulfilled", "true", "downloads", "2",
				"extra_downloads", "1");
		StripeStub.willReturnSession(stripe, id, session);
		StripeStub.willUpdateSession(stripe, id, session);

		mvc.perform(get("/receipt/" + id)).andExpect(content().string(containsString("Downloads left: 1 of 3.")));
		mvc.perform(get(link())).andExpect(status().isOk());
		mvc.perform(get(link())).andExpect(status().isForbidden())
			.andExpect(content().string(containsString("has been downloaded 3 times, as many as it allows")));
	}

	@Test
	void theReceiptSaysHowManyAreLeftAndOffersNoLinkOnceNoneAre() throws Exception {
		stripeHasDownloaded(1);
		String receipt = mvc.perform(get("/receipt/" + id)).andReturn().getResponse().getContentAsString();
		assertThat(receipt).contains("Downloads left: 1 of 2.");
		Matcher link = DownloadControllerTests.DOWNLOAD_LINK.matcher(receipt);
		assertThat(link.find()).isTrue();

		String other = StripeStub.newSessionId();
		String usedUp = StripeStub.storeSession(other, "complete", "paid", item, 1, "fulfilled", "true", "downloads", "2");
		StripeStub.willReturnSession(stripe, other, usedUp);
		mvc.perform(get("/receipt/" + other))
			.andExpect(content().string(containsString("has been downloaded 2 times, as many as it allows")))
			.andExpect(content().string(not(containsString("/download/"))));
	}

}
