package com.example.plain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe's {@code expand}: a field that holds another object is sent as that object's id unless
 * the request asked for it by path ({@code payment_intent.latest_charge}, {@code data.} first for
 * a list), and a path that names no such field is refused. The tests hold objects whole (a paid
 * session with its payment and charge inside); this makes them what Stripe would send.
 *
 * <p>The expandable fields are those stripe-node 22.4.0's types declare as {@code string | Object}
 * (node_modules/stripe/esm/resources: Checkout/Sessions.d.ts, PaymentIntents.d.ts, Charges.d.ts,
 * Refunds.d.ts, Disputes.d.ts), with the type of object each holds; "includable" ones (optional in
 * the types, such as a charge's {@code refunds}) are left out unless expanded.
 */
final class StripeExpansion {

	/** Stripe's own limit: "You cannot expand more than 4 levels of a property." */
	static final int MAX_DEPTH = 4;

	private static final Map<String, Map<String, String>> EXPANDABLE = Map.of(
			"checkout.session", Map.of("customer", "customer", "invoice", "invoice", "payment_intent",
					"payment_intent", "payment_link", "payment_link", "setup_intent", "setup_intent", "subscription",
					"subscription"),
			"payment_intent", Map.of("application", "application", "customer", "customer", "latest_charge", "charge",
					"on_behalf_of", "account", "payment_method", "payment_method", "review", "review", "source",
					"source", "transfer_data.destination", "account"),
			"charge", Map.ofEntries(Map.entry("application", "application"),
					Map.entry("application_fee", "application_fee"),
					Map.entry("balance_transaction", "balance_transaction"), Map.entry("customer", "customer"),
					Map.entry("failure_balance_transaction", "balance_transaction"),
					Map.entry("on_behalf_of", "account"), Map.entry("payment_intent", "payment_intent"),
					Map.entry("review", "review"), Map.entry("source_transfer", "transfer"),
					Map.entry("transfer", "transfer"), Map.entry("transfer_data.destination", "account")),
			"refund", Map.of("balance_transaction", "balance_transaction", "charge", "charge", "customer", "customer",
					"failure_balance_transaction", "balance_transaction", "payment_intent", "payment_intent",
					"payment_method", "payment_method", "source_transfer_reversal", "transfer_reversal",
					"transfer_reversal", "transfer_reversal"),
			"dispute", Map.of("charge", "charge", "payment_intent", "payment_intent"));

	/** Fields Stripe includes only when expanded (a list each). */
	private static final Map<String, Map<String, String>> INCLUDABLE = Map.of("checkout.session",
			Map.of("line_items", "item"), "charge", Map.of("refunds", "refund"));

	private StripeExpansion() {
	}

	/**
	 * The objects a request's {@code expand} paths reach, each by its type, in order
	 * ({@code payment_intent.latest_charge} on a session: payment_intent, charge); throws
	 * {@link Refused} with Stripe's message for a path that cannot be expanded.
	 */
	static List<String> typesReached(String answers, List<String> paths) {
		List<String> reached = new ArrayList<>();
		for (String path : paths) {
			String type = answers;
			String rest = path;
			if ("list".equals(answers)) {
				if (!rest.startsWith("data.")) {
					throw new Refused("This property cannot be expanded (" + path + ").");
				}
				type = "checkout.session";
				rest = rest.substring("data.".length());
			}
			if (rest.split("\\.").length > MAX_DEPTH) {
				throw new Refused("You cannot expand more than " + MAX_DEPTH + " levels of a property.");
			}
			while (!rest.isEmpty()) {
				String field = fieldAtStart(type, rest);
				if (field == null) {
					throw new Refused("This property cannot be expanded (" + path + ").");
				}
				type = fields(type).get(field);
				reached.add(type);
				rest = rest.length() == field.length() ? "" : rest.substring(field.length() + 1);
			}
		}
		return reached;
	}

	/** The object (or list of them) as Stripe sends it for these {@code expand} paths. */
	static void collapse(JsonNode answer, List<String> paths) {
		if (answer instanceof ObjectNode object && "list".equals(object.path("object").asString(null))) {
			List<String> inData = paths.stream()
				.filter(path -> path.startsWith("data."))
				.map(path -> path.substring("data.".length()))
				.toList();
			object.path("data").forEach(item -> collapse(item, inData));
		}
		else if (answer instanceof ObjectNode object) {
			collapse(object, object.path("object").asString(""), paths);
		}
	}

	private static void collapse(ObjectNode object, String type, List<String> paths) {
		EXPANDABLE.getOrDefault(type, Map.of()).forEach((field, fieldType) -> {
			JsonNode value = at(object, field);
			Set<String> below = below(paths, field);
			if (value.isObject() && below == null) {
				replace(object, field, value.path("id"));
			}
			else if (value.isObject()) {
				collapse((ObjectNode) value, fieldType, List.copyOf(below));
			}
			else if (value.isString() && below != null) {
				throw new IllegalStateException("The test holds only the id of " + type + "." + field + " ("
						+ value.asString() + "), which the store asked to expand: give it the whole object");
			}
		});
		INCLUDABLE.getOrDefault(type, Map.of()).keySet().forEach(field -> {
			if (below(paths, field) == null) {
				object.remove(field);
			}
		});
	}

	/** The paths below a field when it is expanded (empty for the field itself), null when it is not. */
	private static Set<String> below(List<String> paths, String field) {
		Set<String> below = null;
		for (String path : paths) {
			if (path.equals(field) || path.startsWith(field + ".")) {
				below = below == null ? new LinkedHashSet<>() : below;
				if (path.length() > field.length()) {
					below.add(path.substring(field.length() + 1));
				}
			}
		}
		return below;
	}

	private static Map<String, String> fields(String type) {
		Map<String, String> fields = new java.util.HashMap<>(EXPANDABLE.getOrDefault(type, Map.of()));
		fields.putAll(INCLUDABLE.getOrDefault(type, Map.of()));
		return fields;
	}

	/** The expandable field a path starts with (it may have a dot: transfer_data.destination), or null. */
	private static String fieldAtStart(String type, String path) {
		return fields(type).keySet()
			.stream()
			.filter(field -> path.equals(field) || path.startsWith(field + "."))
			.max(java.util.Comparator.comparingInt(String::length))
			.orElse(null);
	}

	private static JsonNode at(ObjectNode object, String dotted) {
		JsonNode node = object;
		for (String name : dotted.split("\\.")) {
			node = node.path(name);
		}
		return node;
	}

	private static void replace(ObjectNode object, String dotted, JsonNode id) {
		int dot = dotted.lastIndexOf('.');
		ObjectNode parent = dot < 0 ? object : (ObjectNode) at(object, dotted.substring(0, dot));
		parent.set(dotted.substring(dot + 1), id);
	}

	/** An {@code expand} Stripe refuses: its 400 invalid_request_error says this message. */
	static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

	}

}
