package com.example.posters;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * payment), answered from the running test's {@link FakeStripe}. Served by {@link StripeHosts} in the
 * browser tests, and on the store's own address in the demo (demo/StripeJsApiController).
 *
 * <p>The paths are the stand-in's own: Stripe.js's calls to Stripe are no published API. What it
 * shares with Stripe's API is what the browser enforces: a cross-origin call from the store's page,
 * so a CORS preflight first and the page's origin allowed in each answer, a publishable key only,
 * and errors in Stripe's shape ({@code {"error": {"type", "code", "message"}}}), which
 * fake-stripe.js turns into Stripe.js's results.
 */
public final class StripeJsApi {

	private static final Pattern PATH = Pattern.compile("/v1/payment_pages/(cs_[A-Za-z0-9_]+)(/confirm)?");

	private static final JsonMapper json = JsonMapper.builder().build();

	private volatile FakeStripe stripe;

	public void answerFrom(FakeStripe stripe) {
		this.stripe = stripe;
	}

	/** Serves one request of Stripe.js's from {@link StripeHosts}' HTTPS server. */
	void handle(HttpExchange exchange) throws IOException {
		Answer answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Origin"), exchange.getRequestHeaders().getFirst("Authorization"),
				form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
		answer.headers().forEach(exchange.getResponseHeaders()::set);
		if (answer.body() == null) {
			exchange.sendResponseHeaders(answer.status(), -1);
			return;
		}
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer.status(), bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	/**
	 * What Stripe would answer to one request of Stripe.js's, whatever server carries it: the HTTPS
	 * server of the browser tests, or the demo's controller (demo/StripeJsApiController).
	 */
	public Answer answer(String method, String path, String origin, String authorization, Map<String, String> form) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (origin != null) {
			headers.put("Access-Control-Allow-Origin", origin);
			headers.put("Vary", "Origin");
		}
		if (method.equals("OPTIONS")) {
			headers.put("Access-Control-Allow-Methods", "GET, POST");
			headers.put("Access-Control-Allow-Headers", "Authorization, Content-Type");
			headers.put("Access-Control-Max-Age", "300");
			return new Answer(204, headers, (String) null);
		}
		String key = String.valueOf(authorization).replaceFirst("^Bearer ", "");
		if (!key.startsWith("pk_")) {
			// The page has only its publishable key; a secret one there would be a leak.
			return new Answer(401, headers, error("invalid_request_error", null, "Stripe.js takes a publishable key (pk_...)"));
		}
		Matcher matched = PATH.matcher(path);
		FakeStripe stripe = this.stripe;
		if (!matched.matches() || stripe == null) {
			return new Answer(404, headers, error("invalid_request_error", "resource_missing", "Unrecognized request URL"));
		}
		String sessionId = matched.group(1);
		JsonNode session;
		try {
			session = json.readTree(stripe.session(sessionId));
		}
		catch (IllegalArgumentException ex) {
			return new Answer(404, headers, error("invalid_request_error", "resource_missing", "No such checkout.session"));
		}
		if (method.equals("GET")) {
			return new Answer(200, headers, session);
		}
		else if (matched.group(2) != null) {
			return confirm(headers, stripe, session, form.get("payment_method"));
		}
		else if (form.containsKey("email")) {
			stripe.updateEmail(sessionId, form.get("email"));
			return new Answer(200, headers, json.readTree(stripe.session(sessionId)));
		}
		else if (form.containsKey("promotion_code")) {
			String refused = stripe.applyPromotionCode(sessionId, form.get("promotion_code"));
			if (refused == null) {
				return new Answer(200, headers, json.readTree(stripe.session(sessionId)));
			}
			// A code Stripe does not know, or a session that takes none.
			String code = session.path("allow_promotion_codes").asBoolean() ? "promotion_code_invalid" : null;
			return new Answer(400, headers, error("invalid_request_error", code, refused));
		}
		return new Answer(400, headers, error("invalid_request_error", "parameter_missing", "Missing required param"));
	}

	private Answer confirm(Map<String, String> headers, FakeStripe stripe, JsonNode session, String method) {
		boolean open = session.path("status").asString().equals("open");
		JsonNode outcome = stripe.confirm(session.get("id").asString(), method);
		if (outcome.has("redirect")) {
			return new Answer(200, headers, json.createObjectNode().put("redirect_url", outcome.get("redirect").asString()));
		}
		if (open) {
			// An open session refused the payment: the card's bank declined it.
			ObjectNode declined = error("card_error", "card_declined", outcome.get("error").asString());
			((ObjectNode) declined.get("error")).put("decline_code", "generic_decline");
			return new Answer(402, headers, declined);
		}
		return new Answer(400, headers, error("invalid_request_error", "checkout_session_not_open",
				outcome.get("error").asString()));
	}

	/** An answer: its status, its headers, and Stripe's JSON (null for none). */
	public record Answer(int status, Map<String, String> headers, String body) {

		Answer(int status, Map<String, String> headers, JsonNode body) {
			this(status, headers, body.toString());
		}

	}

	private static ObjectNode error(String type, String code, String message) {
		ObjectNode error = json.createObjectNode().put("type", type).put("code", code).put("message", message);
		return json.createObjectNode().set("error", error);
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String field : body.split("&")) {
			String[] pair = field.split("=", 2);
			if (pair.length == 2) {
				form.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8), URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
			}
		}
		return form;
	}

}
