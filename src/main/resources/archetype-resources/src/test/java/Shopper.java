package ${package};

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shopper's side of the HTTP conversation, for tests against the store on a real port: it
 * opens the item page, keeps the CSRF cookie and token the page hands out, and sends them back
 * with each POST, as the checkout script does in a browser.
 */
public final class Shopper {

	private static final Pattern CSRF_COOKIE = Pattern.compile("XSRF-TOKEN=([^;]+)");

	private static final Pattern CSRF_TOKEN = Pattern.compile("data-csrf-token=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private String csrfCookie;

	private String csrfToken;

	public Shopper(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Opens a page that carries the payment form, and keeps its CSRF cookie and token. */
	public HttpResponse<String> open(String path, String... headers) throws IOException, InterruptedException {
		HttpResponse<String> page = get(path, headers);
		Matcher cookie = CSRF_COOKIE.matcher(String.join(";", page.headers().allValues("Set-Cookie")));
		Matcher token = CSRF_TOKEN.matcher(page.body());
		if (!cookie.find() || !token.find()) {
			throw new IllegalStateException(path + " handed out no CSRF cookie and token (HTTP " + page.statusCode() + ")");
		}
		csrfCookie = cookie.group(1);
		csrfToken = token.group(1);
		return page;
	}

	public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		return send(request(path, headers).GET());
	}

	/** POSTs JSON with the CSRF cookie and token of the page opened last. */
	public HttpResponse<String> post(String path, String json, String... headers)
			throws IOException, InterruptedException {
		return send(request(path, headers).header("Cookie", "XSRF-TOKEN=" + csrfCookie)
			.header("X-XSRF-TOKEN", csrfToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A request to the store; headers come in name, value pairs. */
	public HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
		return headers.length == 0 ? request : request.headers(headers);
	}

}
