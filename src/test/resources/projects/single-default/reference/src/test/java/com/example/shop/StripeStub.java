package com.example.shop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.example.shop.catalog.Item;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Stripe's API for tests: WireMock answering with Stripe's own JSON shapes (the files under
 * src/test/resources/stripe come from Stripe's OpenAPI fixtures), with the values a test needs.
 * The server is {@link StoreTest}'s, one per Spring context. The keys below are placeholders:
 * Stripe would refuse them.
 */
public final class StripeStub {

	public static final String PUBLISHABLE_KEY = "pk_test_placeholder_for_tests";

	public static final String SECRET_KEY = "sk_test_placeholder_for_tests";

	public static final String WEBHOOK_SECRET = "whsec_placeholder_for_tests";

	/** Where the browser tests' pages load stripe.js from: a stand-in, src/test/resources/static/test. */
	public static final String FAKE_STRIPE_JS = "/test/fake-stripe.js";

	/** The store id the tests run as (src/test/resources/application.properties). */
	public static final String STORE_ID = "test-store";

	private static final JsonMapper json = JsonMapper.builder().build();

	private StripeStub() {
	}

	/** A PaymentIntent in Stripe's JSON, from the fixture, with the given values. */
	public static String paymentIntent(String id, String status, long amount, String currency,
			Map<String, String> metadata) {
		ObjectNode intent = (ObjectNode) fixture("payment_intent.json");
		intent.put("id", id);
		intent.put("status", status);
		intent.put("amount", amount);
		intent.put("amount_received", "succeeded".equals(status) ? amount : 0);
		intent.put("currency", currency);
		intent.put("client_secret", clientSecret(id));
		intent.put("receipt_email", "shopper@example.com");
		intent.putNull("last_payment_error");
		intent.putNull("canceled_at");
		intent.set("metadata", json.valueToTree(metadata));
		if ("succeeded".equals(status)) {
			// Expanded, as the store asks for it where refunds matter (latest_charge).
			ObjectNode charge = (ObjectNode) fixture("charge.json");
			charge.put("payment_intent", id);
			charge.put("amount", amount);
			charge.put("currency", currency);
			intent.set("latest_charge", charge);
		}
		if ("requires_action".equals(status)) {
			intent.set("next_action", json.readTree("{\"type\":\"use_stripe_sdk\",\"use_stripe_sdk\":{}}"));
		}
		else {
			intent.putNull("next_action");
		}
		return intent.toString();
	}

	/**
	 * The metadata the store writes into each payment it creates: what marks a payment as this
	 * store's. Extra entries come in key, value pairs ("fulfilled", "true", say).
	 */
	public static Map<String, String> storeMetadata(String itemId, int quantity, long amount, String currency,
			String... extra) {
		Map<String, String> metadata = new HashMap<>(Map.of("store_id", STORE_ID, "item_id", itemId, "quantity",
				Integer.toString(quantity), "amount", Long.toString(amount), "currency", currency));
		for (int i = 0; i + 1 < extra.length; i += 2) {
			metadata.put(extra[i], extra[i + 1]);
		}
		return metadata;
	}

	/** The store's metadata for a quantity of an item at its catalog price. */
	public static Map<String, String> storeMetadata(Item item, int quantity, String... extra) {
		return storeMetadata(item.id(), quantity, item.amountInMinorUnits(quantity), item.currency(), extra);
	}

	/** The payment with part or all of its charge refunded, as Stripe reports it after a refund. */
	public static String refunded(String intentJson, long amountRefunded) {
		ObjectNode intent = (ObjectNode) json.readTree(intentJson);
		ObjectNode charge = (ObjectNode) intent.get("latest_charge");
		charge.put("amount_refunded", amountRefunded);
		charge.put("refunded", amountRefunded >= charge.get("amount").asLong());
		return intent.toString();
	}

	/** The payment with its charge disputed by the card holder (charge.dispute.created). */
	public static String disputed(String intentJson) {
		ObjectNode intent = (ObjectNode) json.readTree(intentJson);
		((ObjectNode) intent.get("latest_charge")).put("disputed", true);
		return intent.toString();
	}

	public static String clientSecret(String paymentIntentId) {
		return paymentIntentId + "_secret_placeholder";
	}

	/** An event in Stripe's JSON, from the fixture, carrying the given object. */
	public static String event(String type, String objectJson) {
		ObjectNode event = (ObjectNode) fixture("event.json");
		event.put("type", type);
		((ObjectNode) event.get("data")).set("object", json.readTree(objectJson));
		return event.toString();
	}

	/** Stripe's error body for a declined card, answered with HTTP 402 as Stripe does. */
	public static String cardDeclined() {
		return """
				{"error": {"type": "card_error", "code": "card_declined", "decline_code": "generic_decline",
				  "message": "Your card was declined.", "param": null,
				  "request_log_url": "https://dashboard.stripe.com/test/logs/req_placeholder"}}""";
	}

	public static void willCreatePaymentIntent(WireMockServer server, String intentJson) {
		server.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson(intentJson)));
	}

	public static void willReturnPaymentIntent(WireMockServer server, String id, String intentJson) {
		server.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + id)).willReturn(okJson(intentJson)));
	}

	/** Marking a PaymentIntent fulfilled (a metadata update) answers with the PaymentIntent. */
	public static void willUpdatePaymentIntent(WireMockServer server, String id, String intentJson) {
		server.stubFor(post(urlPathEqualTo("/v1/payment_intents/" + id)).willReturn(okJson(intentJson)));
	}

	public static void willDecline(WireMockServer server) {
		server.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
			.willReturn(aResponse().withStatus(402).withHeader("Content-Type", "application/json").withBody(cardDeclined())));
	}

	/** The connection drops while Stripe has the request: whether it charged is unknown. */
	public static void willDropTheConnection(WireMockServer server, Fault fault) {
		server.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(aResponse().withFault(fault)));
	}

	private static JsonNode fixture(String name) {
		try (InputStream in = StripeStub.class.getResourceAsStream("/stripe/" + name)) {
			return json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
