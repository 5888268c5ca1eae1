package com.example.posters;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The store on a real port, as a browser sees it: no keys set, as on a first run. */
// The same settings as NoKeysPurchaseTests and NoKeysBrowserTests: one context for the three.
@StoreTest
@TestPropertySource(properties = { "stripe.publishable-key=", "stripe.secret-key=", "stripe.webhook-secret=" })
class StoreIntegrationTests {

	@Value("${local.server.port}")
	int port;

	// The first item's page: "/" in a one-item store, "/items/<id>" in a catalog.
	static final String ITEM_PAGE = "/items/item";

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(String path) throws Exception {
		return get(path, "text/html");
	}

	HttpResponse<String> get(String path, String accept) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", accept)
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theItemPageWorksWithoutStripeKeysAndSaysPaymentsAreOff() throws Exception {
		HttpResponse<String> page = get(ITEM_PAGE);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"payments-disabled\"").doesNotContain("js.stripe.com", StripeStub.FAKE_STRIPE_JS);
	}

	@Test
	void keepsNoHttpSession() throws Exception {
		HttpResponse<String> page = get(ITEM_PAGE);

		assertThat(page.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
	}

	@Test
	void anUnknownAddressGetsTheStoresOwnNotFoundPage() throws Exception {
		HttpResponse<String> page = get("/no-such-page");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Page not found", "class=\"site-header\"").doesNotContain("Exception");
	}

	@Test
	void onlyTheHealthEndpointIsExposed() throws Exception {
		assertThat(get("/actuator/health", "application/json").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/env", "application/json").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/beans", "application/json").statusCode()).isEqualTo(404);
	}

}
