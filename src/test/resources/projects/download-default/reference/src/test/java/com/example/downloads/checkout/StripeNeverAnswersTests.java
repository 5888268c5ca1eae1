package com.example.downloads.checkout;

import com.example.downloads.CheckoutJson;
import com.example.downloads.Csrf;
import com.example.downloads.QuietOutputCaptureExtension;
import com.example.downloads.StoreTest;
import com.example.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.example.downloads.Messages.english;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Something at Stripe's address takes the connection and never answers (a proxy that hangs, a
 * half-open firewall): stripe-java gives up at stripe.read-timeout, and the log says the call
 * timed out, and where. Stripe's API holds its answer far longer than the store waits; the short
 * read timeout is StripeFaultTests.StripeIsSlow's, so both share one context.
 */
@StoreTest
@TestPropertySource(properties = StripeFaultTests.StripeIsSlow.SHORT_READ_TIMEOUT)
@ExtendWith(QuietOutputCaptureExtension.class)
class StripeNeverAnswersTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Test
	void theShopperIsToldToTryAgainAndTheLogSaysItTimedOut(CapturedOutput output) throws Exception {
		// Longer than the three tries together: to the store, an answer that never comes.
		stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withFixedDelay(3_000)));

		mvc.perform(post("/checkout").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.content(CheckoutJson.order(catalog.firstItem().id())))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail").value(english(CheckoutErrors.TRY_AGAIN)));

		assertThat(output.getOut()).contains("Stripe unreachable: no answer from localhost:" + stripe.port()
				+ ", timed out after 400 ms (stripe.read-timeout) (POST /v1/checkout/sessions)")
			.doesNotContain("HTTP 0", "(request null)");
	}

}
