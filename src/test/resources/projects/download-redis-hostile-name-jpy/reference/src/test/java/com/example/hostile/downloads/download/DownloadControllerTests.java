package com.example.hostile.downloads.download;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.example.hostile.downloads.Messages.english;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.lessThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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

	static final Pattern DOWNLOAD_LINK = Pattern.compile("href=\"(/download/[^\"]+)\"");

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	DownloadLinks links;

	@Autowired
	DownloadProperties settings;

	@Autowired
	Catalog catalog;

	Item item;

	// A new session for each test: the store reuses what Stripe said about a session for a while.
	final String id = StripeStub.newSessionId();

	@BeforeEach
	void sellTheDownload() {
		item = catalog.firstItem();
	}

	String paid() {
		return StripeStub.paidSession(id, item);
	}

	void stripeHas(String session) {
		StripeStub.willReturnSession(stripe, id, session);
		StripeStub.willUpdateSession(stripe, id, session);
	}

	String link() {
		return links.pathFor(id, item.id());
	}

	ResultActions follow(String path) throws Exception {
		return mvc.perform(get(path));
	}

	/** A refusal is a page that says why, never the file. */
	static void assertRefusedSaying(ResultActions answer, String message) throws Exception {
		answer.andExpect(content().string(containsString("<h1>Download not available</h1>")))
			.andExpect(content().string(containsString(message)))
			.andExpect(header().doesNotExist(HttpHeaders.CONTENT_DISPOSITION));
	}

	@Test
	void aValidLinkGivesTheFileAsAnAttachment() throws Exception {
		stripeHas(paid());

		byte[] body = follow(link()).andExpect(status().isOk())
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
		stripeHas(paid());
		byte[] file = Files.readAllBytes(settings.file());

		byte[] body = mvc.perform(get(link()).header(HttpHeaders.RANGE, "bytes=5-14"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 5-14/" + file.length))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(body).isEqualTo(Arrays.copyOfRange(file, 5, 15));
	}

	@Test
	void theReceiptOfAPaidPurchaseCarriesALinkThatDownloads() throws Exception {
		stripeHas(paid());

		String receipt = follow("/receipt/" + id).andReturn().getResponse().getContentAsString();

		Matcher link = DOWNLOAD_LINK.matcher(receipt);
		assertThat(link.find()).as("a download link on the receipt").isTrue();
		byte[] body = follow(link.group(1)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(body).isEqualTo(Files.readAllBytes(settings.file()));
	}

	@Test
	void aPurchaseFulfilledAndMarkedAtStripeStillDownloads() throws Exception {
		stripeHas(StripeStub.storeSession(id, "complete", "paid", item, 1, "fulfilled", "true"));

		follow(link()).andExpect(status().isOk());
	}

	@Test
	void aLinkFollowedOverAndOverAsksStripeOncePerWholeDownload() throws Exception {
		// Stripe's rate limit is per account: one link fetched in a loop must not use it up. Each
		// whole download is recorded at Stripe (downloadlimit/) and read back once; then it is used up.
		stripeHas(paid());

		for (int i = 0; i < 100; i++) {
			int status = follow(link()).andReturn().getResponse().getStatus();
			assertThat(status).isIn(200, 403);
		}

		stripe.verify(lessThanOrExactly(6), getRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + id)));
	}

	@Nested
	class RefusedLinks {

		@Test
		void aTamperedLinkIsRefusedWithoutAskingStripe() throws Exception {
			String path = link();
			char last = path.charAt(path.length() - 1);
			String tampered = path.substring(0, path.length() - 1) + (last == 'A' ? 'B' : 'A');

			assertRefusedSaying(follow(tampered).andExpect(status().isForbidden()), "not valid");
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void aLinkForAnotherSessionSignedForThisOneIsRefused() throws Exception {
			// The payload of one purchase's link with the signature of another's.
			String mine = link();
			String theirs = links.pathFor(StripeStub.newSessionId(), item.id());
			String forged = theirs.substring(0, theirs.indexOf('.')) + mine.substring(mine.indexOf('.'));

			assertRefusedSaying(follow(forged).andExpect(status().isForbidden()), "not valid");
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void aTruncatedLinkIsRefused() throws Exception {
			String path = link();

			follow(path.substring(0, path.length() - 10)).andExpect(status().isForbidden());
			follow(path.substring(0, path.indexOf('.'))).andExpect(status().isForbidden());
			follow("/download/not-a-link").andExpect(status().isForbidden());
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void anExpiredLinkIsGoneAndSaysHowToGetANewOne() throws Exception {
			String expired = links.pathFor(id, item.id(), Instant.now().minusSeconds(1));

			assertRefusedSaying(follow(expired).andExpect(status().isGone()), "Open your receipt page again");
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void aLinkForAnotherItemIsRefused() throws Exception {
			stripeHas(paid());

			assertRefusedSaying(follow(links.pathFor(id, "another-item")).andExpect(status().isForbidden()),
					english(DownloadController.NOT_A_PURCHASE));
		}

		@Test
		void aRefundedPurchaseNoLongerDownloads() throws Exception {
			stripeHas(StripeStub.refunded(paid(), item.amountInMinorUnits(1)));

			assertRefusedSaying(follow(link()).andExpect(status().isForbidden()), "refunded");
		}

		@Test
		void aPartlyRefundedPurchaseNoLongerDownloads() throws Exception {
			stripeHas(StripeStub.refunded(paid(), 1));

			assertRefusedSaying(follow(link()).andExpect(status().isForbidden()), "refunded");
		}

		@Test
		void aDisputedPurchaseNoLongerDownloads() throws Exception {
			stripeHas(StripeStub.disputed(paid()));

			assertRefusedSaying(follow(link()).andExpect(status().isForbidden()), "disputed");
		}

		@Test
		void aPurchaseWhosePaymentIsStillProcessingDoesNotDownloadYet() throws Exception {
			stripeHas(StripeStub.storeSession(id, "complete", "unpaid", item, 1));

			assertRefusedSaying(follow(link()).andExpect(status().isForbidden()), english(DownloadController.NOT_A_PURCHASE));
		}

		@Test
		void anUnpaidSessionDoesNotDownload() throws Exception {
			stripeHas(StripeStub.storeSession(id, "open", "unpaid", item, 1));

			assertRefusedSaying(follow(link()).andExpect(status().isForbidden()), english(DownloadController.NOT_A_PURCHASE));
		}

		@Test
		void whenStripesAnswerDoesNotSayWhetherItWasRefundedTheFileIsNotServed() throws Exception {
			// The charge as an id, not expanded: a refund cannot be ruled out, so the check fails closed.
			stripeHas(StripeStub.with(paid(),
					session -> ((ObjectNode) session.get("payment_intent")).put("latest_charge", "ch_3NotExpanded")));

			assertRefusedSaying(follow(link()).andExpect(status().isServiceUnavailable()), english(DownloadController.CHECK_LATER));
		}

		@Test
		void aSessionThisStoreDidNotMakeDoesNotDownloadEvenWithItsItemId() throws Exception {
			// A payment link for one cent whose metadata names this item, as an attacker run found.
			stripeHas(StripeStub.session(id, "complete", "paid", 1, item.currency(),
					Map.of("item_id", item.id(), "quantity", "1")));

			assertRefusedSaying(follow(link()).andExpect(status().isForbidden()), english(DownloadController.NOT_A_PURCHASE));
		}

		@Test
		void anotherStoresSessionOnTheSameAccountDoesNotDownload() throws Exception {
			Map<String, String> metadata = new HashMap<>(StripeStub.storeMetadata(item, 1));
			metadata.put("store_id", "another-store");
			stripeHas(StripeStub.session(id, "complete", "paid", item.amountInMinorUnits(1), item.currency(), metadata));

			assertRefusedSaying(follow(link()).andExpect(status().isForbidden()), english(DownloadController.NOT_A_PURCHASE));
		}

		@Test
		void aSessionStripeDoesNotKnowDoesNotDownload() throws Exception {
			stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/checkout/sessions/" + id))
				.willReturn(aResponse().withStatus(404)
					.withHeader("Content-Type", "application/json")
					.withBody(StripeStub.error("invalid_request_error", "resource_missing", "No such checkout.session"))));

			assertRefusedSaying(follow(link()).andExpect(status().isForbidden()), english(DownloadController.NOT_A_PURCHASE));
		}

		@Test
		void whenStripeIsDownTheLinkIsToBeTriedAgainLater() throws Exception {
			stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/checkout/sessions/" + id))
				.willReturn(aResponse().withStatus(500)
					.withHeader("Content-Type", "application/json")
					// Stripe's hint that a retry would not help, so stripe-java answers at once.
					.withHeader("Stripe-Should-Retry", "false")
					.withBody(StripeStub.error("api_error", "api_error", "Something went wrong on Stripe's end."))));

			ResultActions answer = follow(link()).andExpect(status().isServiceUnavailable());

			assertRefusedSaying(answer, english(DownloadController.CHECK_LATER));
			answer.andExpect(content().string(not(containsString("Stripe's end"))));
		}

	}

	/**
	 * Links signed with the store's secret whose expiry is missing or not a number: made by hand,
	 * or by another version of the store. Refused like any link that is not valid. The tests' link
	 * secret is set for every context (src/test/resources/application.properties), so these run in
	 * the shared store.
	 */
	@Nested
	class SignedButMalformed {

		String signed(String payload) throws Exception {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(settings.linkSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
			return "/download/" + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
					+ base64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}

		@Test
		void aLinkWithoutAnExpiryGetsTheRefusedPage() throws Exception {
			assertRefusedSaying(mvc.perform(get(signed(id + "|" + item.id()))).andExpect(status().isForbidden()),
					"not valid");
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void aLinkWhoseExpiryIsNotANumberGetsTheRefusedPage() throws Exception {
			for (String expiry : new String[] { "tomorrow", "", "1e12", "-1", "99999999999999999999" }) {
				assertRefusedSaying(mvc.perform(get(signed(id + "|" + item.id() + "|" + expiry)))
					.andExpect(status().isForbidden()), "not valid");
			}
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

	}

	/** Without keys the store cannot ask Stripe about a purchase, so it serves nothing. */
	// The settings of the other tests of a store without keys: one context for them all.
	@Nested
	@TestPropertySource(properties = { "stripe.publishable-key=", "stripe.secret-key=", "stripe.webhook-secret=" })
	class WithoutKeys {

		@Autowired
		MockMvc mvc;

		@Autowired
		DownloadLinks links;

		@Autowired
		WireMockServer stripe;

		@Test
		void aLinkSignedByThisStoreIsNotServedAndStripeIsNotAsked() throws Exception {
			ResultActions answer = mvc.perform(get(links.pathFor(id, item.id())))
				.andExpect(status().isServiceUnavailable());

			assertRefusedSaying(answer, "Downloads are not available just now");
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

	}

}
