package com.example.plain;

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
import tools.jackson.databind.node.ObjectNode;

/**
 * api.stripe.com for the stand-in for Stripe.js (fake-stripe.js): what real Stripe.js sends to
 * Stripe from the buyer's browser (the session to show, the buyer's e-mail, a promotion code, the
 * payment), answered from the running test's {@link FakeStripe}. Served by {@link StripeHosts}.
 *
 * <p>The paths are the stand-in's own: Stripe.js's calls to Stripe are no published API. What it
 * shares with Stripe's API is what the browser enforces: a cross-origin call from the store's page,
 * so a CORS preflight first and the page's origin allowed in each answer, a publishable key only,
 * and errors in Stripe's shape ({@code {"error": {"type", "code", "message"}}}), which
 * fake-stripe.js turns into Stripe.js's results.
 */
final class StripeJsApi {

	private static final Pattern PATH = Pattern.compile("/v1/payment_pages/(cs_[A-Za-z0-9_]+)(/confirm)?");

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
			exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST");
			exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Authorization, Content-Type");
			exchange.getResponseHeaders().set("Access-Control-Max-Age", "300");
			exchange.sendResponseHeaders(204, -1);
			return;
		}
		String key = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replaceFirst("^Bearer ", "");
		if (!key.startsWith("pk_")) {
			// The page has only its publishable key; a secret one there would be a leak.
			respond(exchange, 401, error("invalid_request_error", null, "Stripe.js takes a publishable key (pk_...)"));
			return;
		}
		Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
		FakeStripe stripe = this.stripe;
		if (!path.matches() || stripe == null) {
			respond(exchange, 404, error("invalid_request_error", "resource_missing", "Unrecognized request URL"));
			return;
		}
		String sessionId = path.group(1);
		JsonNode session;
		try {
			session = json.readTree(stripe.session(sessionId));
		}
		catch (IllegalArgumentException ex) {
			respond(exchange, 404, error("invalid_request_error", "resource_missing", "No such checkout.session"));
			return;
		}
		Map<String, String> form = form(exchange);
		if (exchange.getRequestMethod().equals("GET")) {
			respond(exchange, 200, session);
		}
		else if (path.group(2) != null) {
			confirm(exchange, stripe, session, form.get("payment_method"));
		}
		else if (form.containsKey("email")) {
			stripe.updateEmail(sessionId, form.get("email"));
			respond(exchange, 200, json.readTree(stripe.session(sessionId)));
		}
		else if (form.containsKey("promotion_code")) {
			String refused = stripe.applyPromotionCode(sessionId, form.get("promotion_code"));
			if (refused == null) {
				respond(exchange, 200, json.readTree(stripe.session(sessionId)));
			}
			else {
				// A code Stripe does not know, or a session that takes none.
				String code = session.path("allow_promotion_codes").asBoolean() ? "promotion_code_invalid" : null;
				respond(exchange, 400, error("invalid_request_error", code, refused));
			}
		}
		else {
			respond(exchange, 400, error("invalid_request_error", "parameter_missing", "Missing required param"));
		}
	}

	private void confirm(HttpExchange exchange, FakeStripe stripe, JsonNode session, String method) throws IOException {
		boolean open = session.path("status").asString().equals("open");
		JsonNode outcome = stripe.confirm(session.get("id").asString(), method);
		if (outcome.has("redirect")) {
			respond(exchange, 200, json.createObjectNode().put("redirect_url", outcome.get("redirect").asString()));
		}
		else if (open) {
			// An open session refused the payment: the card's bank declined it.
			ObjectNode declined = error("card_error", "card_declined", outcome.get("error").asString());
			((ObjectNode) declined.get("error")).put("decline_code", "generic_decline");
			respond(exchange, 402, declined);
		}
		else {
			respond(exchange, 400, error("invalid_request_error", "checkout_session_not_open",
					outcome.get("error").asString()));
		}
	}

	private static ObjectNode error(String type, String code, String message) {
		ObjectNode error = json.createObjectNode().put("type", type).put("code", code).put("message", message);
		return json.createObjectNode().set("error", error);
	}

	private static Map<String, String> form(HttpExchange exchange) throws IOException {
		Map<String, String> form = new HashMap<>();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		for (String field : body.split("&")) {
			String[] pair = field.split("=", 2);
			if (pair.length == 2) {
				form.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8), URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
		byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

}
