package com.example.downloads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Stripe for whole purchases, where {@link StripeStub} stubs one answer: the Checkout Sessions API
 * as WireMock serves it to the store (create, retrieve, update, list by e-mail), and what Stripe does between the
 * buyer's browser and Stripe (e-mail, promotion code, paying), which fake-stripe.js asks for
 * on https://api.stripe.com ({@link StripeJsApi}) and server-side tests call directly ({@link #pay}).
 * Sessions are remembered as Stripe would: a retrieve returns one as it stands now, an update
 * merges its metadata.
 *
 * <p>How a payment goes is chosen by its method, as Stripe's test cards choose it:
 * {@code card} succeeds, {@code card_3ds} succeeds after 3-D Secure, {@code card_declined} is
 * declined (the session stays open for another try), {@code ideal} succeeds after the bank's
 * page, {@code sepa_debit} stays processing until {@link #clearDelayedPayment}, and
 * {@code wallet} is the Express Checkout Element's ({@code wallet_declined} a wallet whose card is
 * declined). The promotion code {@code FALL20} takes the
 * coupon fixture's percentage off.
 *
 * <p>{@link StoreTest}'s WireMock server has it as an extension, for the stubs that name it
 * ({@link #answer}); tests get the instance injected.
 */
public final class FakeStripe implements ResponseDefinitionTransformerV2 {

	private static final String NAME = "fake-stripe";

	private static final String SESSIONS = "/v1/checkout/sessions";

	public static final String PROMOTION_CODE = "FALL20";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();

	/** Routes every Checkout Session call to this fake, until the server is reset (call it in a @BeforeEach). */
	public void answer(WireMockServer server) {
		server.stubFor(any(urlPathMatching(SESSIONS + "(/.*)?")).willReturn(aResponse().withTransformers(NAME)));
	}

	/** A session as the fake holds it now, in Stripe's JSON: to put in a webhook event, say. */
	public String session(String id) {
		ObjectNode session = existing(id);
		synchronized (session) {
			return session.toString();
		}
	}

	/** The session id inside a client secret, as Stripe.js reads it. */
	public static String sessionIdOf(String clientSecret) {
		return clientSecret.substring(0, clientSecret.indexOf("_secret_"));
	}

	/** The buyer pays with a card that goes through, on Stripe's side: what fake-stripe.js does for {@code card}. */
	public void pay(String sessionId) {
		confirm(sessionId, "card");
	}

	public void updateEmail(String sessionId, String email) {
		ObjectNode session = existing(sessionId);
		synchronized (session) {
			((ObjectNode) session.get("customer_details")).put("email", email);
		}
	}

	/** Where Stripe sends the buyer back to, as another store (or this one on an old address) set it. */
	public void updateReturnUrl(String sessionId, String returnUrl) {
		ObjectNode session = existing(sessionId);
		synchronized (session) {
			session.put("return_url", returnUrl);
		}
	}

	/** Applies a promotion code; answers Stripe.js's error message, or null when it applied. */
	public String applyPromotionCode(String sessionId, String code) {
		if (!PROMOTION_CODE.equals(code)) {
			return "This code is invalid.";
		}
		double percentOff = StripeStub.fixture("coupon.json").get("percent_off").asDouble();
		ObjectNode session = existing(sessionId);
		synchronized (session) {
			if (!session.get("allow_promotion_codes").asBoolean()) {
				return "This checkout does not take promotion codes.";
			}
			long subtotal = session.get("amount_subtotal").asLong();
			long discount = Math.round(subtotal * percentOff / 100);
			((ObjectNode) session.get("total_details")).put("amount_discount", discount);
			session.put("amount_total", subtotal - discount);
		}
		return null;
	}

	/**
	 * The buyer confirms with a payment method (see the class comment). Answers what Stripe.js
	 * would do next: {@code {"redirect": url}} or {@code {"error": message}}.
	 */
	public JsonNode confirm(String sessionId, String method) {
		ObjectNode session = existing(sessionId);
		synchronized (session) {
			if (!"open".equals(session.get("status").asString())) {
				return json.createObjectNode().put("error", "This Checkout Session is no longer open.");
			}
			if ("card_declined".equals(method) || "wallet_declined".equals(method)) {
				return json.createObjectNode().put("error", "Your card was declined.");
			}
			long total = session.get("amount_total").asLong();
			String currency = session.get("currency").asString();
			boolean delayed = "sepa_debit".equals(method);
			session.put("status", "complete");
			session.put("payment_status", delayed ? "unpaid" : total == 0 ? "no_payment_required" : "paid");
			if (total > 0) {
				session.set("payment_intent",
						json.readTree(StripeStub.paymentIntent(sessionId, delayed ? "processing" : "succeeded", total, currency)));
			}
			String returnUrl = session.get("return_url").asString().replace("{CHECKOUT_SESSION_ID}", sessionId);
			return json.createObjectNode().put("redirect", returnUrl);
		}
	}

	/** A delayed payment (sepa_debit) clears, as Stripe reports days later. */
	public void clearDelayedPayment(String sessionId) {
		ObjectNode session = existing(sessionId);
		synchronized (session) {
			session.put("payment_status", "paid");
			session.set("payment_intent", json.readTree(StripeStub.paymentIntent(sessionId, "succeeded",
					session.get("amount_total").asLong(), session.get("currency").asString())));
		}
	}

	/**
	 * The buyer's money goes back, all of it, as the Dashboard's "Refund payment" does: the
	 * session's charge says so from now on. Answers the charge, as Stripe sends it in
	 * {@code charge.refunded}.
	 */
	public String refund(String sessionId) {
		ObjectNode session = existing(sessionId);
		synchronized (session) {
			if (!"paid".equals(session.get("payment_status").asString())) {
				throw new IllegalStateException("Session " + sessionId + " has no payment to refund");
			}
			session.setAll((ObjectNode) json.readTree(StripeStub.refunded(session.toString(),
					session.get("amount_total").asLong())));
			return StripeStub.chargeOf(session.toString());
		}
	}

	/** Every session the fake holds, newest first, as they stand now. */
	public List<JsonNode> sessions() {
		List<JsonNode> all = new ArrayList<>();
		for (ObjectNode session : sessions.values()) {
			synchronized (session) {
				all.add(session.deepCopy());
			}
		}
		all.sort(Comparator.comparingLong((JsonNode session) -> session.path("created").asLong()).reversed());
		return all;
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
		if (path.equals(SESSIONS) && request.getMethod().equals(RequestMethod.POST)) {
			return respond(200, create(request).toString());
		}
		if (path.equals(SESSIONS) && request.getMethod().equals(RequestMethod.GET)) {
			return respond(200, list(request));
		}
		ObjectNode session = sessions.get(path.substring(Math.min(path.length(), SESSIONS.length() + 1)));
		if (session == null) {
			return respond(404, StripeStub.notFound("checkout.session", "session", path.substring(path.lastIndexOf('/') + 1)));
		}
		synchronized (session) {
			if (request.getMethod().equals(RequestMethod.POST)) {
				ObjectNode metadata = (ObjectNode) session.get("metadata");
				metadata(request).forEach(metadata::put);
			}
			return respond(200, session.toString());
		}
	}

	private ObjectNode create(Request request) {
		String id = StripeStub.newSessionId();
		long quantity = Long.parseLong(form(request, "line_items[0][quantity]"));
		long unitAmount = Long.parseLong(form(request, "line_items[0][price_data][unit_amount]"));
		String currency = form(request, "line_items[0][price_data][currency]");
		ObjectNode session = (ObjectNode) json.readTree(
				StripeStub.session(id, "open", "unpaid", unitAmount * quantity, currency, metadata(request)));
		session.put("created", System.currentTimeMillis() / 1000);
		session.put("return_url", form(request, "return_url"));
		session.put("allow_promotion_codes", Boolean.parseBoolean(form(request, "allow_promotion_codes")));
		// What Stripe.js then asks of the buyer: an address, for Stripe Tax.
		((ObjectNode) session.get("automatic_tax")).put("enabled", Boolean.parseBoolean(form(request, "automatic_tax[enabled]")));
		session.put("billing_address_collection", form(request, "billing_address_collection"));
		((ObjectNode) session.get("customer_details")).putNull("email");
		sessions.put(id, session);
		return session;
	}

	/**
	 * The sessions list, filtered as Stripe filters it by {@code customer_details[email]},
	 * {@code status} and {@code payment_intent}, newest first; {@link StripeAnswer} pages it.
	 */
	private String list(Request request) {
		QueryParameter email = request.queryParameter("customer_details[email]");
		QueryParameter status = request.queryParameter("status");
		QueryParameter payment = request.queryParameter("payment_intent");
		List<ObjectNode> found = new ArrayList<>();
		for (ObjectNode session : sessions.values()) {
			synchronized (session) {
				JsonNode intent = session.path("payment_intent");
				String intentId = intent.isObject() ? intent.path("id").asString(null) : intent.asString(null);
				if ((!email.isPresent() || email.firstValue().equals(session.path("customer_details").path("email").asString(null)))
						&& (!status.isPresent() || status.firstValue().equals(session.path("status").asString()))
						&& (!payment.isPresent() || payment.firstValue().equals(intentId))) {
					found.add(session.deepCopy());
				}
			}
		}
		found.sort(Comparator.comparingLong((ObjectNode session) -> session.path("created").asLong()).reversed());
		return StripeStub.list(found.stream().map(ObjectNode::toString).toArray(String[]::new));
	}

	private ObjectNode existing(String id) {
		ObjectNode session = sessions.get(id);
		if (session == null) {
			throw new IllegalArgumentException("The fake holds no session " + id);
		}
		return session;
	}

	private static String form(Request request, String key) {
		FormParameter field = request.formParameters().get(key);
		return field == null ? null : field.firstValue();
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

}
