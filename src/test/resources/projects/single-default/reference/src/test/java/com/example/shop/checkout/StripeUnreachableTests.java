package com.example.shop.checkout;

import java.io.IOException;
import java.net.ServerSocket;

import com.example.shop.Csrf;
import com.example.shop.StripeStub;
import com.example.shop.catalog.Catalog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Nothing listens at Stripe's address: the request never left, so "not charged" is certain. */
@SpringBootTest
@AutoConfigureMockMvc
class StripeUnreachableTests {

	@DynamicPropertySource
	static void stripeAtAClosedPort(DynamicPropertyRegistry registry) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		registry.add("stripe.api-base", () -> "http://localhost:" + closedPort);
		registry.add("stripe.publishable-key", () -> StripeStub.PUBLISHABLE_KEY);
		registry.add("stripe.secret-key", () -> StripeStub.SECRET_KEY);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Test
	void theShopperIsToldTheyWereNotChargedAndToTryAgain() throws Exception {
		mvc.perform(post("/purchase").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confirmationTokenId\": \"ctoken_1TestUnreachable\", \"itemId\": \"%s\"}"
				.formatted(catalog.firstItem().id())))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.error.message").value(PurchaseErrors.STRIPE_UNREACHABLE));
	}

}
