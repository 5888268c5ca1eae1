package com.example.plain;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.example.plain.catalog.Catalog;
import com.example.plain.stripe.StripeProperties;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The store on a real port, as a browser sees it. */
@StoreTest
class StoreIntegrationTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	Catalog catalog;

	@Autowired
	StripeProperties stripeSettings;

	@LocalServerPort
	int port;

	Shopper browser() {
		return new Shopper(port);
	}

	@Test
	void theHomePageShowsWhatTheStoreSells() {
		HttpResponse<String> page = browser().get("/");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("class=\"site-header\"", catalog.firstItem().formattedPrice(catalog.locale()));
		assertThat(page.body()).contains("id=\"checkout\"");
	}

	@Test
	void stripeJsIsOnEveryPageForStripesFraudSignals() {
		String paid = StripeStub.newSessionId();
		StripeStub.willReturnSession(stripe, paid, StripeStub.storeSession(paid, "complete", "paid", catalog.firstItem(), 1,
				"fulfilled", "true"));
		Shopper browser = browser();
		List<HttpResponse<String>> pages = new ArrayList<>(List.of(browser.get("/"), browser.get(Shopper.ITEM_PAGE),
				browser.get("/receipt/" + paid), browser.get("/no-such-page")));
		pages.add(browser.get("/download/not-a-signed-link"));

		assertThat(pages).allSatisfy(page -> assertThat(page.body()).as(page.uri().getPath())
			.contains("<script src=\"" + stripeSettings.jsUrl() + "\" defer></script>"));
		assertThat(pages).extracting(HttpResponse::statusCode)
			.containsExactly(200, 200, 200, 404, 403);
	}

	@Test
	void keepsNoHttpSession() {
		HttpResponse<String> page = browser().get(Shopper.ITEM_PAGE);

		assertThat(page.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
	}

	@Test
	void anUnknownAddressGetsTheStoresOwnNotFoundPage() {
		HttpResponse<String> page = browser().get("/no-such-page");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Page not found", "class=\"site-header\"").doesNotContain("Exception");
	}

	@Test
	void theHealthEndpointSaysUpAndIsTheOnlyOneExposed() {
		HttpResponse<String> health = browser().get("/actuator/health", "Accept", "application/json");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(Shopper.json(health).path("status").asString()).isEqualTo("UP");
		assertThat(browser().get("/actuator/env", "Accept", "application/json").statusCode()).isEqualTo(404);
		assertThat(browser().get("/actuator/beans", "Accept", "application/json").statusCode()).isEqualTo(404);
	}

	@Test
	void theLivenessAndReadinessProbesSayUp() {
		HttpResponse<String> liveness = browser().get("/actuator/health/liveness", "Accept", "application/json");
		HttpResponse<String> readiness = browser().get("/actuator/health/readiness", "Accept", "application/json");

		assertThat(List.of(liveness, readiness)).allSatisfy(probe -> {
			assertThat(probe.statusCode()).as(probe.uri().getPath()).isEqualTo(200);
			assertThat(Shopper.json(probe).path("status").asString()).isEqualTo("UP");
		});
	}

	@Test
	void noOtherActuatorEndpointIsExposed() {
		List<String> others = List.of("info", "env", "beans", "configprops", "metrics", "loggers", "heapdump",
				"threaddump", "mappings", "shutdown");

		assertThat(others).allSatisfy(endpoint -> assertThat(
				browser().get("/actuator/" + endpoint, "Accept", "application/json").statusCode()).as(endpoint).isEqualTo(404));
	}

}
