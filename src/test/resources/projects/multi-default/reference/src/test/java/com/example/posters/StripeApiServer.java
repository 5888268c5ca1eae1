package com.example.posters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Stripe's API as the tests play it: a WireMock server where stubs ({@link StripeStub}) and
 * {@link FakeStripe} answer, held to what Stripe accepts and sends back ({@link StripeRequestCheck},
 * {@link StripeAnswer}, {@link StripeNotFound}), for the key the store holds ({@link StripeKey}),
 * writing down each request when asked to ({@link StripeRequestLog}).
 */
public final class StripeApiServer {

	private StripeApiServer() {
	}

	/**
	 * A started server, on a port of its own; the caller stops it. The port is chosen here, not by
	 * the server, so that the server keeps it when a test stops it and starts it again
	 * (checkout/StripeUnreachableTests): the store still calls Stripe's API at the same address.
	 */
	public static WireMockServer start(FakeStripe fakeStripe, StripeKey key, int threads) {
		WireMockServer server = new WireMockServer(wireMockConfig().port(freePort())
			.containerThreads(threads)
			.extensions(fakeStripe, new StripeRequestCheck(key), new StripeAnswer(), new StripeRequestLog())
			.notMatchedRendererFactory(extensions -> new StripeNotFound()));
		server.start();
		return server;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
