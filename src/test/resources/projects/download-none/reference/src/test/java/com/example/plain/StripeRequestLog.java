package com.example.plain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes down every request a Stripe stand-in receives, one JSON line each, when the system
 * property {@code stripe.requests-log} names a file: the archetype's build checks them against
 * Stripe's published types. Off otherwise.
 */
final class StripeRequestLog implements ServeEventListener {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Override
	public String getName() {
		return "stripe-request-log";
	}

	@Override
	public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
		String file = System.getProperty("stripe.requests-log");
		if (file == null || file.isBlank()) {
			return;
		}
		String[] url = serveEvent.getRequest().getUrl().split("\\?", 2);
		String line = json.createObjectNode()
			.put("method", serveEvent.getRequest().getMethod().getName())
			.put("path", url[0])
			.put("query", url.length > 1 ? url[1] : "")
			.put("body", serveEvent.getRequest().getBodyAsString())
			.put("status", serveEvent.getResponse().getStatus())
			.toString() + "\n";
		synchronized (StripeRequestLog.class) {
			try {
				Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
