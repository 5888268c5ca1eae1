package ${package}.checkout;

import java.io.IOException;
import java.net.ServerSocket;

import ${package}.Csrf;
import ${package}.QuietOutputCaptureExtension;
import ${package}.StripeRetriesAtOnce;
import ${package}.StripeStub;
import ${package}.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static ${package}.Messages.english;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nothing listens at Stripe's address (a network down, a firewall): the request never left, so
 * "not charged" is certain. stripe-java tries to connect again twice before the store answers.
 */
@SpringBootTest(properties = { "stripe.publishable-key=" + StripeStub.PUBLISHABLE_KEY,
		"stripe.secret-key=" + StripeStub.SECRET_KEY, "stripe.connect-timeout=1s", "stripe.read-timeout=1s" })
@AutoConfigureMockMvc
@Import(StripeRetriesAtOnce.class)
@ExtendWith(QuietOutputCaptureExtension.class)
class StripeUnreachableTests {

	@DynamicPropertySource
	static void stripeAtAClosedPort(DynamicPropertyRegistry registry) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		registry.add("stripe.api-base", () -> "http://localhost:" + closedPort);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Test
	void theShopperIsToldTheyWereNotChargedAndToTryAgain() throws Exception {
		long start = System.nanoTime();
		mvc.perform(post("/checkout").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemId\": \"%s\"}".formatted(catalog.firstItem().id())))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail").value(english(CheckoutErrors.TRY_AGAIN)));

		// Three refused connections (and, outside the tests, two short pauses), not a hanging page.
		assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
	}

	@Test
	void aReceiptSaysToReloadInAMinute() throws Exception {
		mvc.perform(get("/receipt/" + StripeStub.newSessionId()).accept(MediaType.TEXT_HTML))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("Please reload this page in a minute.")));
	}

}
