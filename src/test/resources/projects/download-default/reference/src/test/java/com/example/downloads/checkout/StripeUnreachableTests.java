package com.example.downloads.checkout;

import com.example.downloads.CheckoutJson;
import com.example.downloads.Csrf;
import com.example.downloads.QuietOutputCaptureExtension;
import com.example.downloads.StoreTest;
import com.example.downloads.StripeStub;
import com.example.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static com.example.downloads.Messages.english;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nothing listens at Stripe's address (a network down, a firewall): the request never left, so
 * "not charged" is certain. stripe-java tries to connect again twice before the store answers,
 * and the log says why Stripe could not be reached, and where it was looked for. Each test stops
 * the stand-in for Stripe's API, so that nothing listens at the address the store calls, and starts
 * it again afterwards at the same address (StripeApiServer) for the tests after it: so these tests
 * share the store of {@link StoreTest} instead of starting one with stripe.api-base at a closed port.
 */
@StoreTest
@ExtendWith(QuietOutputCaptureExtension.class)
class StripeUnreachableTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	int closedPort;

	@BeforeEach
	void nothingListensAtStripesAddress() {
		closedPort = stripe.port();
		stripe.stop();
	}

	@AfterEach
	void stripeListensAgain() {
		stripe.start();
	}

	@Test
	void theShopperIsToldTheyWereNotChargedAndToTryAgain(CapturedOutput output) throws Exception {
		long start = System.nanoTime();
		mvc.perform(post("/checkout").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.content(CheckoutJson.order(catalog.firstItem().id())))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail").value(english(CheckoutErrors.TRY_AGAIN)));

		// Three refused connections (and, outside the tests, two short pauses), not a hanging page.
		assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
		assertThat(output.getOut())
			.contains("Stripe unreachable: connection refused by localhost:" + closedPort + " (POST /v1/checkout/sessions)")
			.doesNotContain("HTTP 0", "(request null)");
	}

	@Test
	void aReceiptSaysToReloadInAMinute(CapturedOutput output) throws Exception {
		String id = StripeStub.newSessionId();
		mvc.perform(get("/receipt/" + id).accept(MediaType.TEXT_HTML))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("Please reload this page in a minute.")));

		assertThat(output.getOut())
			.contains("Stripe unreachable: connection refused by localhost:" + closedPort + " (GET /v1/checkout/sessions/" + id + ")")
			.doesNotContain("HTTP 0", "(request null)");
	}

}
