package com.example.downloads.checkout;

import java.util.stream.Stream;

import com.example.downloads.Csrf;
import com.example.downloads.StoreTest;
import com.example.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a card tester's script, a broken client or a curious visitor might post to /purchase:
 * each gets a 4xx with a short message in the JSON the checkout script reads, no stack trace,
 * and Stripe is never called.
 */
@StoreTest
class PurchaseBadRequestTests {

	@Autowired
	WireMockServer stripe;

	static final String JSON = "application/json";

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	/** A good purchase, with one part replaced: {@code %s} stands for the item id. */
	static Stream<Arguments> badRequests() {
		String token = "\"confirmationTokenId\": \"ctoken_1TestBadRequest\"";
		String item = "\"itemId\": \"%s\"";
		return Stream.of(
				// Not JSON at all
				Arguments.of("text/plain", "{" + token + ", " + item + "}", 415),
				Arguments.of("application/x-www-form-urlencoded", "confirmationTokenId=ctoken_1&itemId=%s", 415),
				Arguments.of("application/xml", "<purchase/>", 415),
				// Malformed or not an object
				Arguments.of(JSON, "", 400),
				Arguments.of(JSON, "{" + token + ", " + item, 400),
				Arguments.of(JSON, "{" + token + ", " + item + "}}", 400),
				Arguments.of(JSON, "null", 400),
				Arguments.of(JSON, "[]", 400),
				Arguments.of(JSON, "\"ctoken_1TestBadRequest\"", 400),
				Arguments.of(JSON, "{" + token + ", " + item + ", \"nested\": " + "[".repeat(2000) + "]".repeat(2000) + "}", 400),
				// Fields the store does not take: the server alone decides the amount
				Arguments.of(JSON, "{" + token + ", " + item + ", \"amount\": 1}", 400),
				Arguments.of(JSON, "{" + token + ", " + item + ", \"currency\": \"xxx\"}", 400),
				Arguments.of(JSON, "{" + token + ", " + item + ", \"price\": 0.01}", 400),
				// Missing or malformed confirmation token
				Arguments.of(JSON, "{" + item + "}", 400),
				Arguments.of(JSON, "{\"confirmationTokenId\": null, " + item + "}", 400),
				Arguments.of(JSON, "{\"confirmationTokenId\": \"\", " + item + "}", 400),
				Arguments.of(JSON, "{\"confirmationTokenId\": \"pm_1CardNotAToken\", " + item + "}", 400),
				Arguments.of(JSON, "{\"confirmationTokenId\": \"ctoken_1\\r\\nX-Injected: 1\", " + item + "}", 400),
				Arguments.of(JSON, "{\"confirmationTokenId\": \"ctoken_" + "A".repeat(300) + "\", " + item + "}", 400),
				Arguments.of(JSON, "{\"confirmationTokenId\": 12345, " + item + "}", 400),
				Arguments.of(JSON, "{\"confirmationTokenId\": {\"id\": \"ctoken_1\"}, " + item + "}", 400),
				// Missing, unknown or malformed item
				Arguments.of(JSON, "{" + token + "}", 400),
				Arguments.of(JSON, "{" + token + ", \"itemId\": \"no-such-item\"}", 400),
				Arguments.of(JSON, "{" + token + ", \"itemId\": [\"%s\"]}", 400),
				Arguments.of(JSON, "{" + token + ", \"itemId\": \"../../etc/passwd\"}", 400),
				// Bad quantities
				Arguments.of(JSON, "{" + token + ", " + item + ", \"quantity\": 0}", 400),
				Arguments.of(JSON, "{" + token + ", " + item + ", \"quantity\": -1}", 400),
				Arguments.of(JSON, "{" + token + ", " + item + ", \"quantity\": 1.5}", 400),
				Arguments.of(JSON, "{" + token + ", " + item + ", \"quantity\": \"two\"}", 400),
				Arguments.of(JSON, "{" + token + ", " + item + ", \"quantity\": 100000000000000000000}", 400),
				Arguments.of(JSON, "{" + token + ", " + item + ", \"quantity\": 1001}", 400),
				// Bad e-mail addresses (Stripe would refuse them after the card was checked)
				Arguments.of(JSON, "{" + token + ", " + item + ", \"email\": \"not-an-address\"}", 400),
				Arguments.of(JSON, "{" + token + ", " + item + ", \"email\": \"two@at@example.com\"}", 400),
				Arguments.of(JSON, "{" + token + ", " + item + ", \"email\": \"spaces in@example.com\"}", 400),
				Arguments.of(JSON, "{" + token + ", " + item + ", \"email\": \"" + "a".repeat(250) + "@example.com\"}", 400),
				Arguments.of(JSON, "{" + token + ", " + item + ", \"email\": [\"a@example.com\"]}", 400));
	}

	@ParameterizedTest
	@MethodSource("badRequests")
	void isRefusedWithAShortMessageBeforeStripeIsCalled(String contentType, String body, int expectedStatus)
			throws Exception {
		mvc.perform(post("/purchase").with(Csrf.tokenFrom(mvc))
			.contentType(contentType)
			.accept(JSON)
			.content(body.replace("%s", catalog.firstItem().id())))
			.andExpect(status().is(expectedStatus))
			.andExpect(jsonPath("$.error.message").isNotEmpty())
			.andExpect(content().string(not(containsString("Exception"))))
			.andExpect(content().string(not(containsString("\tat "))));

		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

}
