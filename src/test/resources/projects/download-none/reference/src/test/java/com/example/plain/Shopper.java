package com.example.plain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shopper's browser over real HTTP, doing what checkout.js does: it opens the item page, asks
 * /csrf-token for a CSRF token, keeps the XSRF-TOKEN cookie that answer sets, sends the token
 * in the header it names with every POST, and opens a checkout. Many shoppers can share one
 * HttpClient: each keeps its own cookie.
 */
public final class Shopper {

	// The first item's page: "/" in a one-item store, "/items/<id>" in a catalog.
	public static final String ITEM_PAGE = "/";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http;

	private final String base;

	private String cookie = "";

	private String csrfHeader;

	private String csrfToken;

	public Shopper(HttpClient http, int port) {
		this.http = http;
		this.base = "http://localhost:" + port;
	}

	public Shopper(int port) {
		this(client(), port);
	}

	/** An HttpClient for shoppers: HTTP/1.1, as the store speaks no cleartext HTTP/2. */
	public static HttpClient client() {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	}

	/** Opens the item page and, as its checkout script does, picks up a CSRF token and cookie. */
	public HttpResponse<String> opensTheItemPage() {
		HttpResponse<String> page = get(ITEM_PAGE);
		if (!page.body().contains("id=\"checkout\"")) {
			throw new IllegalStateException("The item page has no payment form: are payments enabled?");
		}
		HttpResponse<String> answer = get("/csrf-token", "Accept", "application/json");
		answer.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(set -> set.startsWith("XSRF-TOKEN="))
			.findFirst()
			.ifPresent(set -> cookie = set.split(";", 2)[0]);
		JsonNode token = json(answer);
		csrfHeader = token.path("headerName").asString();
		csrfToken = token.path("token").asString();
		return page;
	}

	/**
	 * Opens the checkout for a quantity of an item, as the Buy button does, and answers the
	 * Checkout Session's id (from the client secret, as Stripe.js reads it).
	 */
	public String opensTheCheckout(String itemId, int quantity) {
		HttpResponse<String> answer = post("/checkout", CheckoutJson.order(itemId, quantity));
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("The checkout did not open: " + answer.statusCode() + " " + answer.body());
		}
		return FakeStripe.sessionIdOf(json(answer).path("clientSecret").asString());
	}

	/** A GET as a browser sends it; extra headers come in name, value pairs. */
	public HttpResponse<String> get(String path, String... headers) {
		return send(request(path, headers).GET());
	}

	/** Posts JSON as checkout.js does, with the page's CSRF token; headers in name, value pairs replace its own. */
	public HttpResponse<String> post(String path, String body, String... headers) {
		if (csrfToken == null) {
			throw new IllegalStateException("Open the item page first: its checkout script gets the CSRF token");
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.header(csrfHeader, csrfToken);
		return send(withHeaders(request, headers).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A request to the store that accepts HTML unless the headers (name, value pairs) say otherwise. */
	public HttpRequest.Builder request(String path, String... headers) {
		return withHeaders(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html"), headers);
	}

	private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.setHeader(headers[i], headers[i + 1]);
		}
		return request;
	}

	/** Sends the request as built, with this shopper's cookie once it has one, but no CSRF token. */
	public HttpResponse<String> send(HttpRequest.Builder request) {
		if (!cookie.isEmpty()) {
			request.header("Cookie", cookie);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}
