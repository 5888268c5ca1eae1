package com.example.hostile.downloads.checkout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.example.hostile.downloads.CheckoutJson;
import com.example.hostile.downloads.Csrf;
import com.example.hostile.downloads.QuietOutputCaptureExtension;
import com.example.hostile.downloads.StripeRetriesAtOnce;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.example.hostile.downloads.Messages.english;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Something at Stripe's address takes the connection and never answers (a proxy that hangs, a
 * half-open firewall): stripe-java gives up at stripe.read-timeout, and the log says the call
 * timed out, and where.
 */
@SpringBootTest(properties = { "stripe.publishable-key=" + StripeStub.PUBLISHABLE_KEY,
		"stripe.secret-key=" + StripeStub.SECRET_KEY, "stripe.connect-timeout=1s", "stripe.read-timeout=300ms" })
@AutoConfigureMockMvc
@Import(StripeRetriesAtOnce.class)
@ExtendWith(QuietOutputCaptureExtension.class)
class StripeNeverAnswersTests {

	/** Listens, so connections are taken (the system's backlog), but nobody ever reads or answers. */
	static ServerSocket silent;

	@DynamicPropertySource
	static void stripeAtASilentPort(DynamicPropertyRegistry registry) throws IOException {
		silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		registry.add("stripe.api-base", () -> "http://127.0.0.1:" + silent.getLocalPort());
	}

	@AfterAll
	static void closeThePort() throws IOException {
		silent.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Test
	void theShopperIsToldToTryAgainAndTheLogSaysItTimedOut(CapturedOutput output) throws Exception {
		mvc.perform(post("/checkout").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.content(CheckoutJson.order(catalog.firstItem().id())))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail").value(english(CheckoutErrors.TRY_AGAIN)));

		assertThat(output.getOut()).contains("Stripe unreachable: no answer from 127.0.0.1:" + silent.getLocalPort()
				+ ", timed out after 300 ms (stripe.read-timeout) (POST /v1/checkout/sessions)")
			.doesNotContain("HTTP 0", "(request null)");
	}

}
