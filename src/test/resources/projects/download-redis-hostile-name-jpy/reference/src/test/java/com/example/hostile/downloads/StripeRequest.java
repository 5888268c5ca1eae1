package com.example.hostile.downloads;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.http.Request;

/**
 * A request to Stripe's API as the stand-in reads it: which of the store's operations it is, and
 * its parameters in the order sent (the query of a GET, the form of a POST, as stripe-java encodes
 * them: {@code expand[0]=payment_intent.latest_charge}).
 */
record StripeRequest(String method, String path, Optional<StripeOperation> operation,
		List<Map.Entry<String, String>> parameters) {

	static StripeRequest of(Request request) {
		String[] url = request.getUrl().split("\\?", 2);
		String method = request.getMethod().getName();
		String encoded = "GET".equals(method) ? (url.length > 1 ? url[1] : "") : request.getBodyAsString();
		List<Map.Entry<String, String>> parameters = new ArrayList<>();
		for (String pair : encoded.split("&")) {
			if (!pair.isEmpty()) {
				String[] nameAndValue = pair.split("=", 2);
				parameters.add(Map.entry(decode(nameAndValue[0]), nameAndValue.length > 1 ? decode(nameAndValue[1]) : ""));
			}
		}
		return new StripeRequest(method, url[0], StripeOperation.of(method, url[0]), parameters);
	}

	/** The values of the parameter and of its list entries ({@code expand[0]}, {@code expand[]}...). */
	List<String> values(String name) {
		return parameters.stream()
			.filter(parameter -> parameter.getKey().matches(java.util.regex.Pattern.quote(name) + "(\\[[0-9]*\\])?"))
			.map(Map.Entry::getValue)
			.toList();
	}

	List<String> expand() {
		return values("expand");
	}

	/** The id at the end of the path (the session's in /v1/checkout/sessions/cs_...). */
	String id() {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
