package com.example.hostile.downloads.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A download that breaks off (the buyer's connection drops) costs what it sent, not the whole
 * file: with {@code download-limit.max-downloads: 1}, the buyer resumes it and gets the rest, over real
 * HTTP, with a file big enough not to fit in the connection's buffers.
 */
@StoreTest
class BrokenOffDownloadTests {

	static final int SIZE = 8 * 1024 * 1024;

	static final Path BIG_FILE = bigFile();

	@DynamicPropertySource
	static void sellTheBigFileOnce(DynamicPropertyRegistry registry) {
		registry.add("download.file", BIG_FILE::toString);
		registry.add("download-limit.max-downloads", () -> "1");
	}

	@AfterAll
	static void deleteTheBigFile() throws IOException {
		Files.deleteIfExists(BIG_FILE);
	}

	@Autowired
	WireMockServer stripe;

	@Autowired
	DownloadLinks links;

	@Autowired
	Catalog catalog;

	@LocalServerPort
	int port;

	@Test
	void aDownloadThatBrokeOffResumesAndThenCountsAsOne() throws Exception {
		String id = StripeStub.newSessionId();
		String session = StripeStub.paidSession(id, catalog.firstItem());
		StripeStub.willReturnSession(stripe, id, session);
		StripeStub.willUpdateSession(stripe, id, session);
		String link = links.pathFor(id, catalog.firstItem().id());

		int received = startsAndBreaksOff(link, 64 * 1024);
		HttpResponse<byte[]> rest = resumeFrom(link, received);

		assertThat(rest.statusCode()).as("the resumed download's answer").isEqualTo(206);
		assertThat(rest.body()).hasSize(SIZE - received);
		HttpResponse<byte[]> again = Shopper.get(port, link, null);
		assertThat(again.statusCode()).as("a second whole download, at a limit of 1").isEqualTo(403);
	}

	/** Reads the headers and some bytes of the file, then drops the connection; returns the bytes of the file read. */
	int startsAndBreaksOff(String link, int bytes) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + link + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			// The headers end with an empty line.
			int matched = 0;
			while (matched < 4) {
				int b = in.read();
				matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
			}
			int received = in.readNBytes(bytes).length;
			// A reset, as when a buyer's network drops.
			socket.setSoLinger(true, 0);
			return received;
		}
	}

	/** Asks for the rest, as a browser resumes; the store may take a moment to notice the broken connection. */
	HttpResponse<byte[]> resumeFrom(String link, int received) throws Exception {
		long deadline = System.nanoTime() + 10_000_000_000L;
		HttpResponse<byte[]> answer = Shopper.get(port, link, "bytes=" + received + "-");
		while (answer.statusCode() != 206 && System.nanoTime() - deadline < 0) {
			Thread.sleep(100);
			answer = Shopper.get(port, link, "bytes=" + received + "-");
		}
		return answer;
	}

	static Path bigFile() {
		try {
			Path file = Files.createTempFile("sold-", ".bin");
			byte[] bytes = new byte[SIZE];
			new Random(1).nextBytes(bytes);
			Files.write(file, bytes);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Plain HTTP requests for the file. */
	static final class Shopper {

		static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		static HttpResponse<byte[]> get(int port, String link, String range) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + link));
			if (range != null) {
				request.header("Range", range);
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}

	}

}
