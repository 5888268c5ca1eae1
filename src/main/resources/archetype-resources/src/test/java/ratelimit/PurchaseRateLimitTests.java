package ${package}.ratelimit;

import ${package}.StripeStub;
import ${package}.catalog.Catalog;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A card tester trying card after card: after the limit, 429 and Stripe hears nothing more. */
@SpringBootTest(properties = { "purchase-limits.per-client.attempts=3", "purchase-limits.per-client.per=10m" })
@AutoConfigureMockMvc
class PurchaseRateLimitTests {

	@RegisterExtension
	static WireMockExtension stripe = StripeStub.server();

	@DynamicPropertySource
	static void stripeApi(DynamicPropertyRegistry registry) {
		StripeStub.configure(registry, stripe);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	ResultActions attempt(int card) throws Exception {
		return mvc.perform(post("/purchase").with(csrf()).with(request -> {
			request.setRemoteAddr("192.0.2.77");
			return request;
		})
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confirmationTokenId\": \"ctoken_1Card%d\", \"itemId\": \"%s\"}".formatted(card,
					catalog.firstItem().id())));
	}

	@Test
	void theFourthAttemptIsRefusedWith429AndARetryAfterBeforeStripeIsCalled() throws Exception {
		StripeStub.willDecline(stripe);
		for (int card = 1; card <= 3; card++) {
			attempt(card).andExpect(status().isPaymentRequired());
		}

		attempt(4).andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", matchesPattern("[1-9][0-9]*")))
			.andExpect(jsonPath("$.error.message").value(containsString("Too many payment attempts")));

		stripe.verify(3, postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
	}

}
