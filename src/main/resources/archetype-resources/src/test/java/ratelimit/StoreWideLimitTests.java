package ${package}.ratelimit;

import ${package}.StripeStub;
import ${package}.catalog.Catalog;
import ${package}.catalog.Item;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The store's ceiling on payment attempts from all clients together protects the Stripe account
 * from card testers spread over many addresses. Junk that never reaches Stripe must not use it up,
 * or anyone could lock real shoppers out without trying a single card.
 */
@SpringBootTest(properties = { "purchase-limits.all-clients.attempts=5", "purchase-limits.all-clients.per=10m" })
@AutoConfigureMockMvc
class StoreWideLimitTests {

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

	ResultActions attempt(String body, int client) throws Exception {
		return mvc.perform(post("/purchase").with(csrf()).with(request -> {
			request.setRemoteAddr("198.51.100." + client);
			return request;
		}).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	String purchaseWithCard(int card) {
		return "{\"confirmationTokenId\": \"ctoken_1Card%d\", \"itemId\": \"%s\"}".formatted(card,
				catalog.firstItem().id());
	}

	@Test
	void junkFromManyClientsDoesNotUseUpTheCeilingButValidAttemptsDo() throws Exception {
		Item item = catalog.firstItem();
		String paid = StripeStub.paymentIntent("pi_3UnderTheCeiling", "succeeded", item.amountInMinorUnits(1),
				item.currency(), StripeStub.storeMetadata(item, 1));
		StripeStub.willCreatePaymentIntent(stripe, paid);
		StripeStub.willUpdatePaymentIntent(stripe, "pi_3UnderTheCeiling", paid);
		for (int client = 1; client <= 140; client++) {
			attempt("{}", client).andExpect(status().isBadRequest());
		}

		// A real shopper still gets through, and so do the next ones up to the ceiling.
		for (int card = 1; card <= 5; card++) {
			attempt(purchaseWithCard(card), 200 + card).andExpect(status().isOk());
		}
		attempt(purchaseWithCard(6), 251).andExpect(status().isTooManyRequests());

		stripe.verify(5, postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
	}

}
