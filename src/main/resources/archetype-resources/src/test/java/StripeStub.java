package ${package};

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Stripe's API for tests: WireMock answering with Stripe's own JSON shapes (the files under
 * src/test/resources/stripe come from Stripe's OpenAPI fixtures), with the values a test needs.
 * The keys below are placeholders: Stripe would refuse them.
 */
public final class StripeStub {

	public static final String PUBLISHABLE_KEY = "pk_test_placeholder_for_tests";

	public static final String SECRET_KEY = "sk_test_placeholder_for_tests";

	public static final String WEBHOOK_SECRET = "whsec_placeholder_for_tests";

	private static final JsonMapper json = JsonMapper.builder().build();

	private StripeStub() {
	}

	public static WireMockExtension server() {
		return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
	}

	/** Points the store at the stub, with keys that make it take payments. */
	public static void configure(DynamicPropertyRegistry registry, WireMockExtension server) {
		registry.add("stripe.api-base", server::baseUrl);
		registry.add("stripe.publishable-key", () -> PUBLISHABLE_KEY);
		registry.add("stripe.secret-key", () -> SECRET_KEY);
		registry.add("stripe.webhook-secret", () -> WEBHOOK_SECRET);
		// Shorter than the store's 20 s, yet roomy for a busy test machine; StripeFaultTests,
		// which waits for timeouts on purpose, sets its own.
		registry.add("stripe.read-timeout", () -> "10s");
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
		if ("requires_action".equals(status)) {
			intent.set("next_action", json.readTree("{\"type\":\"use_stripe_sdk\",\"use_stripe_sdk\":{}}"));
		}
		else {
			intent.putNull("next_action");
		}
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

	public static void willCreatePaymentIntent(WireMockExtension server, String intentJson) {
		server.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson(intentJson)));
	}

	public static void willReturnPaymentIntent(WireMockExtension server, String id, String intentJson) {
		server.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + id)).willReturn(okJson(intentJson)));
	}

	/** Marking a PaymentIntent fulfilled (a metadata update) answers with the PaymentIntent. */
	public static void willUpdatePaymentIntent(WireMockExtension server, String id, String intentJson) {
		server.stubFor(post(urlPathEqualTo("/v1/payment_intents/" + id)).willReturn(okJson(intentJson)));
	}

	public static void willDecline(WireMockExtension server) {
		server.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
			.willReturn(aResponse().withStatus(402).withHeader("Content-Type", "application/json").withBody(cardDeclined())));
	}

	/** The connection drops while Stripe has the request: whether it charged is unknown. */
	public static void willDropTheConnection(WireMockExtension server, Fault fault) {
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
