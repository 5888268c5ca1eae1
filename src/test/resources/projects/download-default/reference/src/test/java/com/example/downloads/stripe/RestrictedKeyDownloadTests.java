package com.example.downloads.stripe;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.downloads.Csrf;
import com.example.downloads.QuietOutputCaptureExtension;
import com.example.downloads.StripeStub;
import com.example.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
 * {@link RestrictedKeyTests} for the calls the download store adds: a download reads the session, and "Lost your link?"
 * lists the buyer's sessions. Stripe's answer is not reused here (stripe.payment-cache-time=0s
 * in {@link RestrictedKeyStore}), so that each request asks Stripe as it would once the cache has expired.
 */
@RestrictedKeyStore
@ExtendWith(QuietOutputCaptureExtension.class)
class RestrictedKeyDownloadTests {

	static final Pattern DOWNLOAD_LINK = Pattern.compile("href=\"(/download/[^\"]+)\"");


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
