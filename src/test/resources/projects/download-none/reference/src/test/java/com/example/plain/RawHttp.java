package com.example.plain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP/1.1 request written on a socket as it is, for what the JDK's HttpClient will not send: a
 * Host header of one's own, TRACE, a method nobody knows, an address Tomcat refuses.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * POSTs JSON as checkout.js does, with a CSRF token and cookie got from /csrf-token first, and
	 * these headers (whole lines: a Host header of one's own, say).
	 */
	public static Answer postJson(int port, String path, String json, String... headers) {
		HttpResponse<String> token = new Shopper(port).get("/csrf-token", "Accept", "application/json");
		String cookie = token.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
		JsonNode csrf = Shopper.json(token);
		List<String> lines = new ArrayList<>(List.of(headers));
		lines.addAll(List.of("Cookie: " + cookie, csrf.path("headerName").asString() + ": " + csrf.path("token").asString(),
				"Content-Type: application/json", "Accept: application/json"));
		return send(port, "POST " + path + " HTTP/1.1", json, lines.toArray(String[]::new));
	}

	/**
	 * Sends the request line, the headers (whole lines, {@code Host: 127.0.0.1} unless one is given)
	 * and the body, if any, and reads the answer until the store closes the connection.
	 */
	public static Answer send(int port, String requestLine, String body, String... headers) {
		StringBuilder request = new StringBuilder(requestLine).append("\r\n");
		boolean host = false;
		for (String header : headers) {
			request.append(header).append("\r\n");
			host |= header.regionMatches(true, 0, "Host:", 0, 5);
		}
		if (!host) {
			request.append("Host: 127.0.0.1\r\n");
		}
		byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		if (body != null) {
			request.append("Content-Length: ").append(bytes.length).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(bytes);
			out.flush();
			return Answer.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The answer, its body put together again when it came in chunks. */
	public record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(String raw) {
			String[] headAndBody = raw.split("\r\n\r\n", 2);
			String[] lines = headAndBody[0].split("\r\n");
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (int i = 1; i < lines.length; i++) {
				String[] nameAndValue = lines[i].split(":", 2);
				headers.put(nameAndValue[0].trim(), nameAndValue[1].trim());
			}
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			String body = headAndBody.length > 1 ? headAndBody[1] : "";
			return new Answer(status, headers, "chunked".equalsIgnoreCase(headers.get("Transfer-Encoding")) ? joined(body) : body);
		}

		/** The chunks' data without their sizes (lengths in bytes, so counted on the bytes). */
		private static String joined(String chunked) {
			byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
			java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
			int at = 0;
			while (at < bytes.length) {
				int lineEnd = chunked.length();
				for (int i = at; i + 1 < bytes.length; i++) {
					if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
						lineEnd = i;
						break;
					}
				}
				int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
				if (size == 0) {
					break;
				}
				data.write(bytes, lineEnd + 2, size);
				at = lineEnd + 2 + size + 2;
			}
			return data.toString(StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JsonMapper.builder().build().readTree(body);
		}

		public String header(String name) {
			return headers.get(name);
		}

	}

}
