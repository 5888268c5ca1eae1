package com.example.hostile.downloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * Refuses what Stripe refuses, before any stub or {@link FakeStripe} answers: a parameter the
 * operation does not take ({@link StripeOperation}), an {@code expand} that cannot be expanded
 * ({@link StripeExpansion}), a {@code limit} outside 1-100, and, for a restricted key
 * ({@link StripeKey}), what its permissions do not cover (the operation's, and Read on each
 * object it expands). Requests for operations the store is not known to call are left to the stubs.
 */
final class StripeRequestCheck implements StubRequestFilterV2 {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final StripeKey key;

	StripeRequestCheck(StripeKey key) {
		this.key = key;
	}

	@Override
	public String getName() {
		return "stripe-request-check";
	}

	@Override
	public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
		StripeRequest call = StripeRequest.of(request);
		if (call.operation().isEmpty()) {
			return RequestFilterAction.continueWith(request);
		}
		StripeOperation operation = call.operation().get();
		for (Map.Entry<String, String> parameter : call.parameters()) {
			if (!operation.accepts(parameter.getKey())) {
				return stop(invalidRequest("parameter_unknown", parameter.getKey(),
						"Received unknown parameter: " + parameter.getKey()));
			}
		}
		List<String> permissions = new ArrayList<>(List.of(operation.permission()));
		try {
			StripeExpansion.typesReached(operation.answers(), call.expand())
				.forEach(type -> permissions.add("rak_" + type + "_read"));
		}
		catch (StripeExpansion.Refused ex) {
			return stop(invalidRequest(null, null, ex.getMessage()));
		}
		for (String limit : call.values("limit")) {
			if (!limit.matches("[0-9]{1,3}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > 100) {
				return stop(invalidRequest("parameter_invalid_integer", "limit",
						"Invalid integer: " + limit + " (limit must be between 1 and 100)"));
			}
		}
		for (String permission : permissions) {
			if (!key.allows(permission)) {
				return RequestFilterAction.stopWith(StripeStub.permissionError(permission).build());
			}
		}
		return RequestFilterAction.continueWith(request);
	}

	/** Stripe's 400: an invalid_request_error naming the parameter at fault. */
	static ResponseDefinition invalidRequest(String code, String param, String message) {
		ObjectNode error = json.createObjectNode().put("type", "invalid_request_error").put("message", message);
		if (code != null) {
			error.put("code", code).put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
		}
		if (param != null) {
			error.put("param", param);
		}
		return aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody(json.createObjectNode().set("error", error).toString())
			.build();
	}

	private static RequestFilterAction stop(ResponseDefinition response) {
		return RequestFilterAction.stopWith(response);
	}

}
