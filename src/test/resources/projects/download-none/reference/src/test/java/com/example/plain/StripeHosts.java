package com.example.plain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * Stripe's hosts as the browser tests' Chromium sees them: {@code js.stripe.com} and
 * {@code api.stripe.com} resolve to this HTTPS server on the test machine (Chromium's
 * {@code --host-resolver-rules}), with a certificate made for the run ({@link TestCertificate}).
 * So the store's pages load Stripe.js from https://js.stripe.com, and Stripe.js talks to
 * https://api.stripe.com, under the pages' real Content-Security-Policy: a policy without one of
 * Stripe's hosts fails the browser tests, as it would fail with Stripe.
 *
 * <p>js.stripe.com serves the stand-in for Stripe.js, src/test/resources/static/test/fake-stripe.js,
 * at the address the store loads Stripe.js from ({@code stripe.js-url}'s default);
 * api.stripe.com answers it from the {@link FakeStripe} of the test that runs
 * ({@link StripeJsApi}). One server serves the whole run, as one Chromium does.
 */
final class StripeHosts implements AutoCloseable {

	static final String JS_HOST = "js.stripe.com";

	static final String API_HOST = "api.stripe.com";

	/** Where the store loads Stripe.js from (stripe.js-url): the release for its API version. */
	static final String STRIPE_JS_PATH = "/dahlia/stripe.js";

	private final TestCertificate certificate = TestCertificate.forHosts(JS_HOST, API_HOST);

	private final StripeJsApi api = new StripeJsApi();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final HttpsServer server;

	private final byte[] stripeJs;

	StripeHosts() {
		try (InputStream script = StripeHosts.class.getResourceAsStream("/static/test/fake-stripe.js")) {
			this.stripeJs = script.readAllBytes();
			this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
		server.createContext("/", this::handle);
		server.setExecutor(threads);
		server.start();
	}

	/** Chromium's flags that send Stripe's hosts here and trust this server's certificate. */
	List<String> chromiumArguments() {
		String here = "127.0.0.1:" + server.getAddress().getPort();
		return List.of("--host-resolver-rules=MAP " + JS_HOST + " " + here + ", MAP " + API_HOST + " " + here,
				"--ignore-certificate-errors-spki-list=" + certificate.publicKeyHash());
	}

	/** From now on, api.stripe.com answers from this Stripe: the running test's. */
	void answerFrom(FakeStripe stripe) {
		api.answerFrom(stripe);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String host = exchange.getRequestHeaders().getFirst("Host").replaceFirst(":\\d+$", "");
			if (host.equals(API_HOST)) {
				api.handle(exchange);
			}
			else if (host.equals(JS_HOST) && exchange.getRequestURI().getPath().equals(STRIPE_JS_PATH)) {
				exchange.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
				exchange.sendResponseHeaders(200, stripeJs.length);
				exchange.getResponseBody().write(stripeJs);
			}
			else {
				exchange.sendResponseHeaders(404, -1);
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}

}
