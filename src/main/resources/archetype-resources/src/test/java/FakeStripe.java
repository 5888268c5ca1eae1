package ${package};

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Stripe's PaymentIntents API for many shoppers at once, where {@link StripeStub} stubs one answer
 * per test. The confirmation token decides what the card does, so a test picks each outcome by
 * naming its token:
 * <ul>
 * <li>{@code ctoken_ok...}: the payment succeeds;</li>
 * <li>{@code ctoken_3ds...}: the bank wants 3-D Secure, and the shopper passes it;</li>
 * <li>{@code ctoken_decline...}: the card is declined (HTTP 402, Stripe's card_error body);</li>
 * <li>{@code ctoken_outage...}: Stripe fails (HTTP 500, Stripe's api_error body).</li>
 * </ul>
 * Each token gets its own PaymentIntent, {@code pi_} and the rest of the token, which the fake
 * remembers as Stripe would: a retrieve returns it, an update merges its metadata.
 *
 * <p>{@link StoreTest}'s WireMock server has it as an extension, for the stubs that name it
 * ({@code answer(server)}); tests get the instance injected.
 */
public final class FakeStripe implements ResponseDefinitionTransformerV2 {

	private static final String NAME = "fake-stripe";

	private static final String CREATE = "/v1/payment_intents";

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * What follows {@code _secret_} in every client secret the fake hands out: a canary, which
	 * NoSecretInLogsOrPagesTests looks for in every log line and page.
	 */
	public static final String CLIENT_SECRET_PART = "NOTAREALSECRETcanaryClient";

	private final Map<String, ObjectNode> intents = new ConcurrentHashMap<>();

	/** Routes every PaymentIntent call to this fake, until the server is reset (call it in a @BeforeEach). */
	public void answer(WireMockServer server) {
		server.stubFor(any(urlPathMatching("/v1/payment_intents(/.*)?")).willReturn(aResponse().withTransformers(NAME)));
	}

	public static String paymentIntentFor(String confirmationToken) {
		return "pi_" + confirmationToken.substring("ctoken_".length());
	}

	public String clientSecretOf(String paymentIntentId) {
		return paymentIntentId + "_secret_" + CLIENT_SECRET_PART;
	}

	/** A PaymentIntent as the fake holds it now, in Stripe's JSON: to put in a webhook event, say. */
	public String paymentIntent(String id) {
		ObjectNode intent = intents.get(id);
		synchronized (intent) {
			return intent.toString();
		}
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		String path = request.getUrl().split("\\?")[0];
		if (path.equals(CREATE)) {
			return create(request);
		}
		String id = path.substring(CREATE.length() + 1);
		ObjectNode intent = intents.get(id);
		if (intent == null) {
			return stripeError(404, "invalid_request_error", "No such payment_intent: '" + id + "'");
		}
		synchronized (intent) {
			if (request.getMethod().equals(RequestMethod.GET) && "requires_action".equals(intent.get("status").asString())) {
				// The shopper has been through 3-D Secure in the browser, and passed.
				intent.put("status", "succeeded");
				intent.putNull("next_action");
			}
			if (request.getMethod().equals(RequestMethod.POST)) {
				ObjectNode metadata = (ObjectNode) intent.get("metadata");
				metadata(request).forEach(metadata::put);
			}
			return respond(200, intent.toString());
		}
	}

	private ResponseDefinition create(Request request) {
		String token = request.formParameter("confirmation_token").firstValue();
		if (token.startsWith("ctoken_decline")) {
			return respond(402, StripeStub.cardDeclined());
		}
		if (token.startsWith("ctoken_outage")) {
			return stripeError(500, "api_error", "An unknown error occurred");
		}
		String status = token.startsWith("ctoken_3ds") ? "requires_action" : "succeeded";
		String id = paymentIntentFor(token);
		ObjectNode intent = (ObjectNode) json.readTree(StripeStub.paymentIntent(id, status,
				Long.parseLong(request.formParameter("amount").firstValue()),
				request.formParameter("currency").firstValue(), metadata(request)));
		intent.put("client_secret", clientSecretOf(id));
		intents.put(id, intent);
		return respond(200, intent.toString());
	}

	/** The {@code metadata[key]=value} fields of a form Stripe is sent, as a map. */
	private static Map<String, String> metadata(Request request) {
		Map<String, String> metadata = new HashMap<>();
		for (FormParameter field : request.formParameters().values()) {
			if (field.key().startsWith("metadata[")) {
				metadata.put(field.key().substring("metadata[".length(), field.key().length() - 1), field.firstValue());
			}
		}
		return metadata;
	}

	private static ResponseDefinition respond(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
	}

	private static ResponseDefinition stripeError(int status, String type, String message) {
		String body = json.createObjectNode()
			.set("error", json.createObjectNode().put("type", type).put("message", message))
			.toString();
		return respond(status, body);
	}

}
