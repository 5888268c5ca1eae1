package com.example.hostile.downloads.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;

import com.example.hostile.downloads.RawHttp;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StoreTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the store refuses before its pages are involved (a body too large, TRACE, a method
 * nobody knows) get the same security headers as every page: a refusal is a page too, and a
 * browser shown it must not run, frame or sniff it differently.
 */
@StoreTest
class RefusalHeadersTests {

	static final String JSON = "application/json";

	@LocalServerPort
	int port;

	static void assertTheSecurityHeaders(Map<String, String> headers) {
		assertThat(headers).as("security headers")
			.containsEntry("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY)
			.containsEntry("X-Content-Type-Options", "nosniff")
			.containsEntry("X-Frame-Options", "DENY")
			.containsEntry("Referrer-Policy", "strict-origin-when-cross-origin");
	}

	static Map<String, String> firstValues(HttpHeaders headers) {
		Map<String, String> first = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.map().forEach((name, values) -> first.put(name, values.get(0)));
		return first;
	}

	Shopper shopper() {
		Shopper shopper = new Shopper(port);
		shopper.opensTheItemPage();
		return shopper;
	}

	@Test
	void aOneMegabyteCheckoutGets413WithTheSecurityHeaders() {
		HttpResponse<String> answer = shopper().post("/checkout", "{\"itemId\": \"item\"," + " ".repeat(1024 * 1024) + "}");

		assertThat(answer.statusCode()).isEqualTo(413);
		assertTheSecurityHeaders(firstValues(answer.headers()));
	}

	@Test
	void a100KilobyteCheckoutSentInChunksGets413WithTheSecurityHeaders() {
		Shopper shopper = shopper();
		byte[] body = ("{\"itemId\": \"item\"," + " ".repeat(100 * 1024) + "}").getBytes();
		String token = Shopper.json(shopper.get("/csrf-token", "Accept", JSON)).path("token").asString();

		// ofInputStream has no length, so the client sends the body chunked.
		HttpResponse<String> answer = shopper.send(shopper
			.request("/checkout", "Accept", JSON, "Content-Type", JSON, "X-XSRF-TOKEN", token)
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

		assertThat(answer.statusCode()).isEqualTo(413);
		assertTheSecurityHeaders(firstValues(answer.headers()));
	}

	@Test
	void traceGets405WithTheSecurityHeaders() {
		RawHttp.Answer answer = RawHttp.send(port, "TRACE / HTTP/1.1", null);

		assertThat(answer.status()).isEqualTo(405);
		assertTheSecurityHeaders(answer.headers());
	}

	@Test
	void aMethodNobodyKnowsGets400WithTheSecurityHeaders() {
		RawHttp.Answer answer = RawHttp.send(port, "FOO / HTTP/1.1", null);

		assertThat(answer.status()).isEqualTo(400);
		assertTheSecurityHeaders(answer.headers());
	}

}
