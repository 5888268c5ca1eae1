package com.example.shop.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.example.shop.StoreTest;
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
	void anAddressWithBrokenPercentEncodingGetsTheStoresPage() throws IOException {
		assertTheStoresPage(send("GET /%zz HTTP/1.1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/a|b", "/items/{id}" })
	void anAddressWithCharactersTomcatRefusesGetsTheStoresPage(String target) throws IOException {
		assertTheStoresPage(send("GET " + target + " HTTP/1.1"));
	}

	@Test
	void aScriptInTheAddressIsNotWrittenIntoThePage() throws IOException {
		Answer answer = send("GET /<script>alert(1)</script> HTTP/1.1");

		assertTheStoresPage(answer);
		assertThat(answer.body()).doesNotContain("<script", "alert(1)");
	}

	@Test
	void anAddressLongerThanTomcatTakesGetsTheStoresPage() throws IOException {
		// Tomcat's limit for the request line and headers together is 8 KB.
		assertTheStoresPage(send("GET /" + "a".repeat(10 * 1024) + " HTTP/1.1"));
	}

	@Test
	void headersLargerThanTomcatTakesGetTheStoresPage() throws IOException {
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
	Answer send(String requestLine, String... headers) throws IOException {
		StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return Answer.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	/** The body is left as sent: chunk sizes, if any, do not matter to what the tests look for. */
	record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(String raw) {
			String[] headAndBody = raw.split("\r\n\r\n", 2);
			String[] lines = headAndBody[0].split("\r\n");
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (int i = 1; i < lines.length; i++) {
				String[] nameAndValue = lines[i].split(":", 2);
				headers.put(nameAndValue[0].trim(), nameAndValue[1].trim());
			}
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			return new Answer(status, headers, headAndBody.length > 1 ? headAndBody[1] : "");
		}

		String header(String name) {
			return headers.get(name);
		}

	}

}
