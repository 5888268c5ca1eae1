package com.example.hostile.downloads.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.example.hostile.downloads.StoreTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files other sites fetch from the store's {@code /.well-known/} folder, dropped into
 * src/main/resources/static/.well-known/ by the seller: Apple Pay's domain association file, which
 * Stripe asks for before it shows Apple Pay on the store's domain. Apple's check follows no
 * redirect and logs into nothing, so the file must come back as it is, at once. The tests serve a
 * placeholder from src/test/resources/static/.well-known/.
 */
@StoreTest
class WellKnownFilesTests {

	static final String APPLE_PAY = "/.well-known/apple-developer-merchantid-domain-association";

	// Follows no redirect (HttpClient's default), so a redirect shows as one.
	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void theApplePayDomainFileIsServedByteForByteWithoutARedirectOrALogin() throws Exception {
		byte[] dropped = new ClassPathResource("static" + APPLE_PAY).getContentAsByteArray();

		HttpResponse<byte[]> answer = get(APPLE_PAY);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo(dropped);
		assertThat(answer.headers().firstValue("Location")).isEmpty();
		assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	@Test
	void aWellKnownFileTheSellerDidNotDropIsNotFound() throws Exception {
		HttpResponse<byte[]> answer = get("/.well-known/no-such-file");

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.headers().firstValue("Location")).isEmpty();
	}

}
