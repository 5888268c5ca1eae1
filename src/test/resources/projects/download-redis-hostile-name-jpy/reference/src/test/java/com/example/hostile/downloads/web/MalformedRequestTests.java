package com.example.hostile.downloads.web;

import com.example.hostile.downloads.RawHttp;
import com.example.hostile.downloads.RawHttp.Answer;
import com.example.hostile.downloads.StoreTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Tomcat refuses itself, before Spring Security or Spring Boot's error handling sees
 * them: the page has to bring the store's security headers on its own, and must not be Tomcat's.
 * They go over a plain socket, as the JDK's HttpClient refuses to send them.
 */
@StoreTest
class MalformedRequestTests {

	@LocalServerPort
	int port;

	@Test
	void anAddressWithBrokenPercentEncodingGetsTheStoresPage() {
		assertTheStoresPage(send("GET /%zz HTTP/1.1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/a|b", "/items/{id}" })
	void anAddressWithCharactersTomcatRefusesGetsTheStoresPage(String target) {
		assertTheStoresPage(send("GET " + target + " HTTP/1.1"));
	}

	@Test
	void aScriptInTheAddressIsNotWrittenIntoThePage() {
		Answer answer = send("GET /<script>alert(1)</script> HTTP/1.1");

		assertTheStoresPage(answer);
		assertThat(answer.body()).doesNotContain("<script", "alert(1)");
	}

	@Test
	void anAddressLongerThanTomcatTakesGetsTheStoresPage() {
		// Tomcat's limit for the request line and headers together is 8 KB.
		assertTheStoresPage(send("GET /" + "a".repeat(10 * 1024) + " HTTP/1.1"));
	}

	@Test
	void headersLargerThanTomcatTakesGetTheStoresPage() {
		assertTheStoresPage(send("GET / HTTP/1.1", "X-Big: " + "a".repeat(20 * 1024)));
	}

	static void assertTheStoresPage(Answer answer) {
		assertThat(answer.status()).isBetween(400, 499);
		assertThat(answer.header("Content-Security-Policy")).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(answer.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(answer.body()).contains("class=\"site-header\"", "href=\"/css/store.css\"", "href=\"/\"")
			.doesNotContain("Tomcat", "HTTP Status", "Exception", "\tat ", "<style", "style=");
	}

	/** Sends the request line and headers as they are, and reads the answer until Tomcat closes. */
	Answer send(String requestLine, String... headers) {
		return RawHttp.send(port, requestLine, null, headers);
	}

}
