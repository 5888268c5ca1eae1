package com.example.downloads.lostlink;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.downloads.Csrf;
import com.example.downloads.QuietOutputCaptureExtension;
import com.example.downloads.StoreTest;
import com.example.downloads.StripeStub;
import com.example.downloads.catalog.Catalog;
import com.example.downloads.catalog.Item;
import com.example.downloads.mail.MailServer;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Lost your link?": the buyer of a paid purchase gets fresh links by e-mail; anyone else gets the
 * same answer, as fast, and no e-mail. Each test asks from an address of its own and for buyers
 * of its own: the context, its rate limits and its mail server are shared.
 */
@StoreTest
@ExtendWith(QuietOutputCaptureExtension.class)
class LostLinkControllerTests {

	static final Duration ARRIVES_WITHIN = Duration.ofSeconds(10);

	// Stripe answers the look-up this late; the page must not wait for it.
	static final int STRIPE_DELAY_MS = 3000;

	// On the store's address: without store.base-url, localhost and its port.
	static final Pattern DOWNLOAD_LINK = Pattern.compile("http://localhost:[0-9]+(/download/[^\\s\"]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	WireMockServer stripe;

	@Autowired
	MailServer mailServer;

	@Autowired
	Catalog catalog;

	final String client = "198.18." + ThreadLocalRandom.current().nextInt(256) + "."
			+ ThreadLocalRandom.current().nextInt(1, 255);

	static String newBuyer() {
		return "buyer-" + UUID.randomUUID() + "@example.com";
	}

	RequestPostProcessor fromTheTestsClient() {
		return request -> {
			request.setRemoteAddr(client);
			return request;
		};
	}

	ResultActions asksForLinks(String email) throws Exception {
		return mvc.perform(post("/lost-link").param("email", email).with(Csrf.tokenFrom(mvc)).with(fromTheTestsClient()));
	}

	/** A paid purchase of the first item by this buyer, as Stripe lists it and answers for it alone. */
	String paidPurchaseOf(String buyer) {
		String id = StripeStub.newSessionId();
		String session = StripeStub.with(StripeStub.paidSession(id, catalog.firstItem()),
				json -> ((ObjectNode) json.get("customer_details")).put("email", buyer));
		StripeStub.willReturnSession(stripe, id, session);
		return session;
	}

	@Test
	void everyPageLinksToTheFormWhichPostsItsCsrfToken() throws Exception {
		mvc.perform(MockMvcRequestBuilders.get("/"))
			.andExpect(content().string(containsString("<a href=\"/lost-link\">Lost your download link?</a>")));

		MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.get("/lost-link"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<form method=\"post\" action=\"/lost-link\">")))
			.andReturn()
			.getResponse();

		// Sent as a browser sends the form: its hidden token, and the cookie the page set.
		Matcher token = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">")
			.matcher(page.getContentAsString());
		assertThat(token.find()).as("a CSRF token in the form").isTrue();
		String buyer = newBuyer();
		StripeStub.willListSessionsOfEmail(stripe, buyer);
		mvc.perform(post("/lost-link").param("email", buyer).param("_csrf", token.group(1))
			.cookie(page.getCookie("XSRF-TOKEN"))
			.with(fromTheTestsClient())).andExpect(status().isFound());
		stripeHasBeenAsked(1);
	}

	@Test
	void afterSendingThePageSaysTheSameForEveryAddress() throws Exception {
		mvc.perform(MockMvcRequestBuilders.get("/lost-link?sent=true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("If that address bought something here, an e-mail")))
			.andExpect(content().string(not(containsString("<form"))));
	}

	@Test
	void theBuyerOfAPaidPurchaseGetsAFreshLinkThatDownloadsTheFile() throws Exception {
		String buyer = newBuyer();
		String session = paidPurchaseOf(buyer);
		StripeStub.willListSessionsOfEmail(stripe, buyer, session);

		asksForLinks(buyer).andExpect(status().isFound()).andExpect(redirectedUrl("/lost-link?sent=true"));

		MimeMessage mail = mailServer.awaitMessagesTo(buyer, ARRIVES_WITHIN).get(0);
		assertThat(mail.getSubject()).isEqualTo("Your links from " + catalog.name());
		String text = MailServer.part(mail, "text/plain");
		// The name exactly as in the catalog in the text part, escaped in the HTML part.
		assertThat(text).contains(catalog.firstItem().name(), "/receipt/" + StripeStub.idOf(session));
		assertThat(MailServer.part(mail, "text/html")).contains(HtmlUtils.htmlEscape(catalog.firstItem().name(), "UTF-8"));
		Matcher link = DOWNLOAD_LINK.matcher(text);
		assertThat(link.find()).as("a download link in the e-mail").isTrue();
		mvc.perform(MockMvcRequestBuilders.get(link.group(1)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")));
		// Stripe was asked for this address's complete sessions, with what tells a refund.
		stripe.verify(getRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
			.withQueryParam("customer_details[email]", equalTo(buyer))
			.withQueryParam("status", equalTo("complete"))
			.withQueryParam("expand[0]", equalTo("data.payment_intent.latest_charge")));
	}

	@Test
	void aKnownAndAnUnknownAddressGetTheSameAnswerBeforeStripeIsEvenDone() throws Exception {
		String known = newBuyer();
		String unknown = newBuyer();
		stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions")).withQueryParam("customer_details[email]", equalTo(known))
			.willReturn(aResponse().withFixedDelay(STRIPE_DELAY_MS).withHeader("Content-Type", "application/json")
				.withBody(StripeStub.list(paidPurchaseOf(known)))));
		// A little sooner for the unknown address, so that once the known one has its e-mail, the
		// unknown one's look-up is over too.
		stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions")).withQueryParam("customer_details[email]", equalTo(unknown))
			.willReturn(aResponse().withFixedDelay(STRIPE_DELAY_MS - 500).withHeader("Content-Type", "application/json")
				.withBody(StripeStub.list())));

		Answer toKnown = answerTo(known);
		Answer toUnknown = answerTo(unknown);

		assertThat(toUnknown.status()).isEqualTo(toKnown.status()).isEqualTo(302);
		assertThat(toUnknown.location()).isEqualTo(toKnown.location());
		assertThat(toUnknown.body()).isEqualTo(toKnown.body());
		// Neither waited for Stripe: how long the page takes says nothing about the address.
		assertThat(toKnown.took()).isLessThan(Duration.ofMillis(STRIPE_DELAY_MS / 2));
		assertThat(toUnknown.took()).isLessThan(Duration.ofMillis(STRIPE_DELAY_MS / 2));

		assertThat(mailServer.awaitMessagesTo(known, ARRIVES_WITHIN)).hasSize(1);
		assertThat(mailServer.messagesTo(unknown)).isEmpty();
	}

	record Answer(int status, String location, String body, Duration took) {
	}

	Answer answerTo(String email) throws Exception {
		long start = System.nanoTime();
		MvcResult result = asksForLinks(email).andReturn();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		return new Answer(result.getResponse().getStatus(), result.getResponse().getRedirectedUrl(),
				result.getResponse().getContentAsString(), took);
	}

	@Test
	void onlyThisStoresPaidPurchasesAreSentNotRefundedDisputedUnpaidOrForeignOnes() throws Exception {
		String buyer = newBuyer();
		Item item = catalog.firstItem();
		String paid = paidPurchaseOf(buyer);
		String refunded = StripeStub.refunded(StripeStub.paidSession(StripeStub.newSessionId(), item), 100);
		String disputed = StripeStub.disputed(StripeStub.paidSession(StripeStub.newSessionId(), item));
		String processing = StripeStub.storeSession(StripeStub.newSessionId(), "complete", "unpaid", item, 1);
		String foreign = StripeStub.session(StripeStub.newSessionId(), "complete", "paid", item.amountInMinorUnits(1),
				item.currency(), StripeStub.storeMetadata(item, 1, "store_id", "another-store"));
		StripeStub.willListSessionsOfEmail(stripe, buyer, refunded, paid, disputed, processing, foreign);

		asksForLinks(buyer).andExpect(status().isFound());

		String text = MailServer.part(mailServer.awaitMessagesTo(buyer, ARRIVES_WITHIN).get(0), "text/plain");
		assertThat(text).contains(StripeStub.idOf(paid));
		for (String notSent : new String[] { refunded, disputed, processing, foreign }) {
			assertThat(text).doesNotContain(StripeStub.idOf(notSent));
		}
		assertThat(DOWNLOAD_LINK.matcher(text).results().count()).isEqualTo(1);
	}

	@Test
	void whenStripeCannotBeAskedTheAnswerIsTheSameAndNothingIsSent() throws Exception {
		String buyer = newBuyer();
		stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody(StripeStub.error("api_error", null, "Something went wrong"))));

		asksForLinks(buyer).andExpect(status().isFound()).andExpect(redirectedUrl("/lost-link?sent=true"));

		// stripe-java's own retries (stripe.max-network-retries), then nothing.
		stripeHasBeenAsked(3);
		assertThat(mailServer.messagesTo(buyer)).isEmpty();
	}

	/**
	 * Waits for the look-ups the test started, which run after its answers, so that none is still
	 * on its way to Stripe when the next test starts.
	 */
	void stripeHasBeenAsked(int times) throws InterruptedException {
		long deadline = System.nanoTime() + ARRIVES_WITHIN.toNanos();
		while (stripe.findAll(getRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))).size() < times
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(stripe.findAll(getRequestedFor(urlPathEqualTo("/v1/checkout/sessions")))).hasSize(times);
	}

	@Nested
	class AFormThatIsNotRight {

		@Test
		void anAddressThatIsNotOneIsShownTheFormAgainWithWhyAndStripeIsNotAsked() throws Exception {
			for (String email : new String[] { "", "   ", "not-an-address", "a@b@c", "x".repeat(250) + "@example.com" }) {
				asksForLinks(email).andExpect(status().isBadRequest())
					.andExpect(content().string(containsString("role=\"alert\"")))
					.andExpect(content().string(containsString("name=\"email\"")));
			}
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void aPostWithoutTheFormsCsrfTokenIsRefused() throws Exception {
			mvc.perform(post("/lost-link").param("email", newBuyer()).with(fromTheTestsClient()))
				.andExpect(status().isForbidden());
			stripe.verify(0, anyRequestedFor(anyUrl()));
		}

	}

	@Nested
	class RateLimits {

		@Test
		void oneAddressIsSentLinksThreeTimesAnHourFromAnywhereWhateverItsCase() throws Exception {
			String buyer = newBuyer();
			StripeStub.willListSessionsOfEmail(stripe, buyer);
			for (int i = 1; i <= 3; i++) {
				String from = "198.19.0." + ThreadLocalRandom.current().nextInt(1, 255);
				mvc.perform(post("/lost-link").param("email", i == 2 ? buyer.toUpperCase() : buyer).with(Csrf.tokenFrom(mvc))
					.with(request -> {
						request.setRemoteAddr(from);
						return request;
					})).andExpect(status().isFound());
			}

			asksForLinks(" " + buyer + " ").andExpect(status().isTooManyRequests())
				.andExpect(header().exists("Retry-After"))
				.andExpect(content().string(containsString("Links were asked for this address several times already")));
			stripeHasBeenAsked(3);
		}

		@Test
		void oneConnectionMayAskFiveTimesAnHour() throws Exception {
			for (int i = 1; i <= 5; i++) {
				asksForLinks(newBuyer()).andExpect(status().isFound());
			}

			asksForLinks(newBuyer()).andExpect(status().isTooManyRequests())
				.andExpect(content().string(containsString("Too many requests from your connection")));
			stripeHasBeenAsked(5);
		}

	}

}
