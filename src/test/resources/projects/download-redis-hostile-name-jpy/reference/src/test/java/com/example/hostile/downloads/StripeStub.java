package com.example.hostile.downloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

import com.example.hostile.downloads.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Stripe's API for tests: Checkout Sessions in Stripe's own JSON shape (the files under
 * src/test/resources/stripe come from Stripe's OpenAPI fixtures), with the values a test needs,
 * and stubs that answer one call with them. {@link FakeStripe} plays Stripe for whole purchases.
 * The keys below are placeholders: Stripe would refuse them.
 */
public final class StripeStub {

	public static final String PUBLISHABLE_KEY = "pk_test_placeholder_for_tests";

	public static final String SECRET_KEY = "sk_test_placeholder_for_tests";

	public static final String WEBHOOK_SECRET = "whsec_placeholder_for_tests";

	/**
	 * Where the store's pages load Stripe.js from (stripe.js-url's default); in the browser tests
	 * {@link StripeHosts} serves the stand-in, src/test/resources/static/test/fake-stripe.js, there.
	 */
	public static final String STRIPE_JS = "https://js.stripe.com/dahlia/stripe.js";

	/** The store id the tests run as (src/test/resources/application.properties). */
	public static final String STORE_ID = "test-store";

	/**
	 * What follows {@code _secret_} in every client secret the tests hand out: a canary, which
	 * NoSecretInLogsOrPagesTests looks for in every log line and page.
	 */
	public static final String CLIENT_SECRET_PART = "NOTAREALSECRETcanaryClient";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final SecureRandom random = new SecureRandom();

	private StripeStub() {
	}

	/** A new Checkout Session id, random and as long as Stripe's. */
	public static String newSessionId() {
		String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder id = new StringBuilder("cs_test_");
		for (int i = 0; i < 58; i++) {
			id.append(letters.charAt(random.nextInt(letters.length())));
		}
		return id.toString();
	}

	/**
	 * A Checkout Session in Stripe's JSON, from the fixture: {@code status} open, complete or
	 * expired; {@code paymentStatus} paid, unpaid or no_payment_required. A paid one carries its
	 * PaymentIntent with the latest charge expanded, as the store asks for them.
	 */
	public static String session(String id, String status, String paymentStatus, long subtotal, String currency,
			Map<String, String> metadata) {
		ObjectNode session = (ObjectNode) fixture("checkout_session.json");
		session.put("id", id);
		session.put("status", status);
		session.put("payment_status", paymentStatus);
		session.put("ui_mode", "elements");
		session.put("currency", currency);
		session.put("amount_subtotal", subtotal);
		session.put("amount_total", subtotal);
		session.put("client_secret", id + "_secret_" + CLIENT_SECRET_PART);
		session.put("return_url", "http://localhost/receipt/{CHECKOUT_SESSION_ID}");
		session.putNull("url");
		session.putNull("success_url");
		session.putNull("cancel_url");
		session.putNull("currency_conversion");
		session.putNull("shipping_cost");
		session.set("total_details", json.readTree("{\"amount_discount\":0,\"amount_shipping\":0,\"amount_tax\":0}"));
		((ObjectNode) session.get("customer_details")).put("email", "shopper@example.com");
		session.set("metadata", json.valueToTree(metadata));
		if ("paid".equals(paymentStatus)) {
			session.set("payment_intent", json.readTree(paymentIntent(id, "succeeded", subtotal, currency)));
		}
		else if ("complete".equals(status) && "unpaid".equals(paymentStatus)) {
			session.set("payment_intent", json.readTree(paymentIntent(id, "processing", subtotal, currency)));
		}
		else {
			session.putNull("payment_intent");
		}
		return session.toString();
	}

	/** A session of this store's, for a quantity of an item at its catalog price. */
	public static String storeSession(String id, String status, String paymentStatus, Item item, int quantity,
			String... extraMetadata) {
		return session(id, status, paymentStatus, item.amountInMinorUnits(quantity), item.currency(),
				storeMetadata(item, quantity, extraMetadata));
	}

	/** A paid session of this store's, not yet fulfilled. */
	public static String paidSession(String id, Item item) {
		return storeSession(id, "complete", "paid", item, 1);
	}

	/** The session's PaymentIntent, with its latest charge when it succeeded. */
	static String paymentIntent(String sessionId, String status, long amount, String currency) {
		ObjectNode intent = (ObjectNode) fixture("payment_intent.json");
		intent.put("id", "pi_" + sessionId.substring("cs_test_".length(), "cs_test_".length() + 24));
		intent.put("status", status);
		intent.put("amount", amount);
		intent.put("amount_received", "succeeded".equals(status) ? amount : 0);
		intent.put("currency", currency);
		intent.putNull("client_secret");
		intent.putNull("last_payment_error");
		intent.putNull("next_action");
		intent.set("metadata", json.createObjectNode());
		if ("succeeded".equals(status)) {
			ObjectNode charge = (ObjectNode) fixture("charge.json");
			charge.put("id", "ch_" + sessionId.substring("cs_test_".length(), "cs_test_".length() + 24));
			charge.put("payment_intent", intent.get("id").asString());
			charge.put("amount", amount);
			charge.put("amount_refunded", 0);
			charge.put("refunded", false);
			charge.put("disputed", false);
			charge.put("currency", currency);
			intent.set("latest_charge", charge);
		}
		else {
			intent.putNull("latest_charge");
		}
		return intent.toString();
	}

	/**
	 * The metadata the store writes into each session it creates: what marks a session as this
	 * store's. Extra entries come in key, value pairs ("fulfilled", "true", say).
	 */
	public static Map<String, String> storeMetadata(String itemId, int quantity, long subtotal, String currency,
			String... extra) {
		Map<String, String> metadata = new HashMap<>(Map.of("store_id", STORE_ID, "item_id", itemId, "quantity",
				Integer.toString(quantity), "subtotal", Long.toString(subtotal), "currency", currency));
		for (int i = 0; i + 1 < extra.length; i += 2) {
			metadata.put(extra[i], extra[i + 1]);
		}
		return metadata;
	}

	public static Map<String, String> storeMetadata(Item item, int quantity, String... extra) {
		return storeMetadata(item.id(), quantity, item.amountInMinorUnits(quantity), item.currency(), extra);
	}

	/** The id of a session in Stripe's JSON. */
	public static String idOf(String sessionJson) {
		return json.readTree(sessionJson).get("id").asString();
	}

	/** The same session with its JSON changed: {@code edit} gets the session object. */
	public static String with(String sessionJson, java.util.function.Consumer<ObjectNode> edit) {
		ObjectNode session = (ObjectNode) json.readTree(sessionJson);
		edit.accept(session);
		return session.toString();
	}

	/** The session with part or all of its charge refunded, as Stripe reports it after a refund. */
	public static String refunded(String sessionJson, long amountRefunded) {
		return with(sessionJson, session -> {
			ObjectNode charge = (ObjectNode) session.get("payment_intent").get("latest_charge");
			charge.put("amount_refunded", amountRefunded);
			charge.put("refunded", amountRefunded >= charge.get("amount").asLong());
			ObjectNode refund = (ObjectNode) fixture("refund.json");
			refund.put("id", "re_" + charge.get("id").asString().substring("ch_".length()));
			refund.put("amount", amountRefunded);
			refund.put("charge", charge.get("id").asString());
			refund.put("payment_intent", charge.get("payment_intent").asString());
			refund.put("currency", charge.get("currency").asString());
			((ObjectNode) charge.get("refunds")).set("data", json.createArrayNode().add(refund));
		});
	}

	/** The latest charge of a paid session, as Stripe answers for it alone (and in charge.refunded). */
	public static String chargeOf(String sessionJson) {
		return json.readTree(sessionJson).get("payment_intent").get("latest_charge").toString();
	}

	/**
	 * A dispute of a paid session's charge, from the fixture: {@code status} needs_response while
	 * open (charge.dispute.created), won or lost once closed (charge.dispute.closed).
	 */
	public static String dispute(String sessionJson, String status) {
		JsonNode charge = json.readTree(chargeOf(sessionJson));
		ObjectNode dispute = (ObjectNode) fixture("dispute.json");
		dispute.put("id", "dp_" + charge.get("id").asString().substring("ch_".length()));
		dispute.put("charge", charge.get("id").asString());
		dispute.put("payment_intent", charge.get("payment_intent").asString());
		dispute.put("amount", charge.get("amount").asLong());
		dispute.put("currency", charge.get("currency").asString());
		dispute.put("status", status);
		return dispute.toString();
	}

	/** The session with its charge disputed by the card holder (charge.dispute.created). */
	public static String disputed(String sessionJson) {
		return with(sessionJson,
				session -> ((ObjectNode) session.get("payment_intent").get("latest_charge")).put("disputed", true));
	}

	/**
	 * An event in Stripe's JSON, from the fixture, carrying the given object as Stripe sends it in
	 * an event (what it holds of other objects as their ids), with an id of its own and the API
	 * version stripe-java pins, as a webhook endpoint made for that version receives it.
	 */
	public static String event(String type, String objectJson) {
		ObjectNode event = (ObjectNode) fixture("event.json");
		event.put("id", "evt_" + newSessionId().substring("cs_test_".length(), "cs_test_".length() + 24));
		event.put("type", type);
		event.put("api_version", com.stripe.Stripe.API_VERSION);
		JsonNode object = json.readTree(objectJson);
		StripeExpansion.collapse(object, java.util.List.of());
		((ObjectNode) event.get("data")).set("object", object);
		return event.toString();
	}

	/** Stripe's 404 for an id it does not know: "No such checkout.session: 'cs_test_...'". */
	public static String notFound(String objectType, String param, String id) {
		ObjectNode error = json.createObjectNode()
			.put("type", "invalid_request_error")
			.put("code", "resource_missing")
			.put("doc_url", "https://stripe.com/docs/error-codes/resource-missing")
			.put("message", "No such " + objectType + ": '" + id + "'")
			.put("param", param);
		return json.createObjectNode().set("error", error).toString();
	}

	/** Stripe's error body, as its API answers with a 4xx or 5xx status. */
	public static String error(String type, String code, String message) {
		ObjectNode error = json.createObjectNode().put("type", type).put("code", code).put("message", message);
		return json.createObjectNode().set("error", error).toString();
	}

	/**
	 * Stripe's answer to a restricted key (rk_) without the permission a call needs: HTTP 403
	 * with Stripe's error object (stripe-node 22.4.0, StripeRawError: a type and a message; a 403
	 * is a permission error whatever the type, and Stripe's guide to restricted keys calls it an
	 * invalid request error), whose message names the permission as Stripe's does. The key in it is
	 * masked, as Stripe masks it.
	 */
	public static ResponseDefinitionBuilder permissionError(String permission) {
		ObjectNode error = json.createObjectNode()
			.put("type", "invalid_request_error")
			.put("message", "The provided key 'rk_test_***********************ests' does not have the required "
					+ "permissions for this endpoint on account 'acct_1TestAccount0000'. Having the '" + permission
					+ "' permission would allow this request to continue.");
		return aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withHeader("Request-Id", "req_" + newSessionId().substring("cs_test_".length(), "cs_test_".length() + 14))
			.withBody(json.createObjectNode().set("error", error).toString());
	}

	/**
	 * A thin event, as an event destination set to send "thin" payloads delivers it (stripe-node
	 * 22.4.0, V2.Core.EventNotification): the event's id, type and the object it is about, no
	 * object itself.
	 */
	public static String thinEvent(String type, String relatedObjectId, String relatedObjectType, String url) {
		ObjectNode event = json.createObjectNode()
			.put("id", "evt_test_" + newSessionId().substring("cs_test_".length(), "cs_test_".length() + 24))
			.put("object", "v2.core.event")
			.put("type", type)
			.put("created", "2026-08-01T12:00:00.000Z")
			.put("livemode", false);
		event.set("related_object",
				json.createObjectNode().put("id", relatedObjectId).put("type", relatedObjectType).put("url", url));
		return event.toString();
	}

	public static void willCreateSession(WireMockServer server, String sessionJson) {
		server.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(okJson(sessionJson)));
	}

	/** Creating a session fails with Stripe's error body and this status. */
	public static void willRefuseToCreateSession(WireMockServer server, int status, String type, String code) {
		server.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(error(type, code, "A message written for the developer"))));
	}

	/** The connection drops while Stripe has the request. */
	public static void willDropTheConnection(WireMockServer server, Fault fault) {
		server.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withFault(fault)));
	}

	public static void willReturnSession(WireMockServer server, String id, String sessionJson) {
		server.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + id)).willReturn(okJson(sessionJson)));
	}

	/** Stripe answers for a charge (the JSON of {@link #chargeOf}). */
	public static void willReturnCharge(WireMockServer server, String chargeJson) {
		String id = json.readTree(chargeJson).get("id").asString();
		server.stubFor(get(urlPathEqualTo("/v1/charges/" + id)).willReturn(okJson(chargeJson)));
	}

	/** The Checkout Sessions list, filtered by a payment (the session's own), answers these sessions. */
	public static void willListSessionsOfPayment(WireMockServer server, String paymentIntentId, String... sessionJson) {
		server.stubFor(get(urlPathEqualTo("/v1/checkout/sessions"))
			.withQueryParam("payment_intent", equalTo(paymentIntentId))
			.willReturn(okJson(list(sessionJson))));
	}

	/** The complete Checkout Sessions of a buyer's e-mail address (customer_details[email]): these. */
	public static void willListSessionsOfEmail(WireMockServer server, String email, String... sessionJson) {
		server.stubFor(get(urlPathEqualTo("/v1/checkout/sessions"))
			.withQueryParam("customer_details[email]", equalTo(email))
			.willReturn(okJson(list(sessionJson))));
	}

	/** A page of Stripe's list of Checkout Sessions, the last one. */
	public static String list(String... sessionJson) {
		var data = json.createArrayNode();
		for (String session : sessionJson) {
			data.add(json.readTree(session));
		}
		ObjectNode list = json.createObjectNode().put("object", "list").put("url", "/v1/checkout/sessions")
			.put("has_more", false);
		list.set("data", data);
		return list.toString();
	}

	/** Marking a session fulfilled (a metadata update) answers with the session. */
	public static void willUpdateSession(WireMockServer server, String id, String sessionJson) {
		server.stubFor(post(urlPathEqualTo("/v1/checkout/sessions/" + id)).willReturn(okJson(sessionJson)));
	}

	public static JsonNode fixture(String name) {
		try (InputStream in = StripeStub.class.getResourceAsStream("/stripe/" + name)) {
			return json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
