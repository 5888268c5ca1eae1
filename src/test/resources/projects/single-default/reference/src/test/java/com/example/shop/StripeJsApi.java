package com.example.shop;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * api.stripe.com for the stand-in for Stripe.js (fake-stripe.js): what real Stripe.js sends to
 * Stripe from the buyer's browser (the session to show, the buyer's e-mail, a promotion code, the
 * payment), answered from the running test's {@link FakeStripe}. Served by {@link StripeHosts}.
 *
 * <p>The paths are the stand-in's own ({@code /test/stripe/sessions/{id}}, then {@code /email},
 * {@code /promotion-code} or {@code /confirm}): what Stripe.js says to Stripe is no published API.
 * What it shares with Stripe is what the browser enforces: a call from the store's page to another
 * origin, allowed by the page's Content-Security-Policy, a CORS preflight first and the page's
 * origin allowed in each answer, and the publishable key (pk_) alone.
 */
final class StripeJsApi {

	private static final Pattern PATH = Pattern.compile("/test/stripe/sessions/(cs_[A-Za-z0-9_]+)(/[a-z-]+)?");

	private static final JsonMapper json = JsonMapper.builder().build();

	private volatile FakeStripe stripe;

	void answerFrom(FakeStripe stripe) {
		this.stripe = stripe;
	}

	void handle(HttpExchange exchange) throws IOException {
		String origin = exchange.getRequestHeaders().getFirst("Origin");
		if (origin != null) {
			exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
			exchange.getResponseHeaders().set("Vary", "Origin");
		}
		if (exchange.getRequestMethod().equals("OPTIONS")) {
			exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET");
			exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Authorization");
			exchange.sendResponseHeaders(204, -1);
			return;
		}
		String key = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replaceFirst("^Bearer ", "");
		if (!key.startsWith("pk_")) {
			// The page has only its publishable key; a secret one there would be a leak.
			respond(exchange, 401, json.createObjectNode().put("error", "Stripe.js takes a publishable key (pk_...)"));
			return;
		}
		Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
		FakeStripe stripe = this.stripe;
		if (!path.matches() || stripe == null) {
			respond(exchange, 404, json.createObjectNode().put("error", "Unrecognized request URL"));
			return;
		}
		String id = path.group(1);
		Map<String, String> query = query(exchange);
		JsonNode answer = switch (String.valueOf(path.group(2))) {
			case "null" -> json.readTree(stripe.session(id));
			case "/email" -> {
				stripe.updateEmail(id, query.get("email"));
				yield json.readTree(stripe.session(id));
			}
			case "/promotion-code" -> {
				String refused = stripe.applyPromotionCode(id, query.get("code"));
				yield refused == null ? json.readTree(stripe.session(id)) : json.createObjectNode().put("error", refused);
			}
			case "/confirm" -> stripe.confirm(id, query.get("method"));
			default -> null;
		};
		if (answer == null) {
			respond(exchange, 404, json.createObjectNode().put("error", "Unrecognized request URL"));
		}
		else {
			respond(exchange, 200, answer);
		}
	}

	private static Map<String, String> query(HttpExchange exchange) {
		Map<String, String> query = new HashMap<>();
		String raw = exchange.getRequestURI().getRawQuery();
		for (String field : raw == null ? new String[0] : raw.split("&")) {
			String[] pair = field.split("=", 2);
			if (pair.length == 2) {
				query.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8), URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
			}
		}
		return query;
	}

	private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
		byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

}
