package com.example.hostile.downloads.stripe;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.hostile.downloads.Csrf;
import com.example.hostile.downloads.QuietOutputCaptureExtension;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link RestrictedKeyTests} for the calls the download store adds: a download reads the session * and counts itself in its metadata, a licence key check reads the session, and "Lost your link?"
 * lists the buyer's sessions. Stripe's answer is not reused here (stripe.payment-cache-time=0s
 * in {@link RestrictedKeyStore}), so that each request asks Stripe as it would once the cache has expired.
 */
@RestrictedKeyStore
@ExtendWith(QuietOutputCaptureExtension.class)
class RestrictedKeyDownloadTests {

	static final Pattern DOWNLOAD_LINK = Pattern.compile("href=\"(/download/[^\"]+)\"");

	static final Pattern LICENCE_KEY = Pattern.compile("<code id=\"licence-key\">([^<]+)</code>");

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	final String id = StripeStub.newSessionId();

	/** The receipt page of a paid purchase, read while the key could still read sessions. */
	String receipt() throws Exception {
		String paid = StripeStub.paidSession(id, catalog.firstItem());
		StripeStub.willReturnSession(stripe, id, paid);
		StripeStub.willUpdateSession(stripe, id, paid);
		return mvc.perform(get("/receipt/" + id).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static String find(Pattern pattern, String page) {
		Matcher found = pattern.matcher(page);
		assertThat(found.find()).as("%s in the receipt page", pattern).isTrue();
		return found.group(1).replace("&amp;", "&");
	}

	void stripeRefusesReadingTheSession() {
		stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/checkout/sessions/" + id))
			.willReturn(StripeStub.permissionError("rak_checkout_session_read")));
	}

	@Test
	void aDownloadNeedsCheckoutSessionsRead(CapturedOutput output) throws Exception {
		String link = find(DOWNLOAD_LINK, receipt());
		stripeRefusesReadingTheSession();

		mvc.perform(get(link)).andExpect(status().isServiceUnavailable());

		RestrictedKeyTests.theLogNames(output, "rak_checkout_session_read");
	}

	@Test
	void countingADownloadNeedsCheckoutSessionsWrite(CapturedOutput output) throws Exception {
		String link = find(DOWNLOAD_LINK, receipt());
		stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/checkout/sessions/" + id))
			.willReturn(StripeStub.permissionError("rak_checkout_session_write")));

		// As when Stripe cannot count it: the buyer gets the file, uncounted.
		mvc.perform(get(link)).andExpect(status().isOk());

		RestrictedKeyTests.theLogNames(output, "rak_checkout_session_write");
	}

	@Test
	void aLicenceKeyCheckNeedsCheckoutSessionsRead(CapturedOutput output) throws Exception {
		String key = find(LICENCE_KEY, receipt());
		stripeRefusesReadingTheSession();

		mvc.perform(post("/licences/verify").contentType(MediaType.APPLICATION_JSON)
			.content(JsonMapper.builder().build().writeValueAsString(Map.of("key", key))))
			.andExpect(status().isServiceUnavailable());

		RestrictedKeyTests.theLogNames(output, "rak_checkout_session_read");
	}

	@Test
	void lostLinksNeedCheckoutSessionsRead(CapturedOutput output) throws Exception {
		stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/checkout/sessions"))
			.willReturn(StripeStub.permissionError("rak_checkout_session_read")));

		// The page answers at once, whatever Stripe says; the store asks Stripe after answering.
		mvc.perform(post("/lost-link").param("email", "buyer-" + id.substring(8, 20) + "@example.com")
			.with(Csrf.tokenFrom(mvc))).andExpect(status().is3xxRedirection());

		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!output.getOut().contains("rak_checkout_session_read") && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		RestrictedKeyTests.theLogNames(output, "rak_checkout_session_read");
	}

}
