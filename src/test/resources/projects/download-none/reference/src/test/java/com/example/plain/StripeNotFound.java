package com.example.plain;

import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.notmatched.NotMatchedRenderer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * What Stripe answers where no stub does: an id it does not know is a 404 resource_missing
 * ("No such checkout.session: 'cs_...'", the parameter named as Stripe names it), a list with no
 * stub is empty, and a URL that is none of the store's operations is Stripe's "Unrecognized
 * request URL".
 */
final class StripeNotFound extends NotMatchedRenderer {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Override
	protected ResponseDefinition render(Admin admin, ServeEvent serveEvent) {
		StripeRequest call = StripeRequest.of(serveEvent.getRequest());
		if (call.operation().isEmpty()) {
			return unrecognized(call);
		}
		return switch (call.operation().get()) {
			case LIST_SESSIONS -> aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(StripeStub.list())
				.build();
			case RETRIEVE_CHARGE -> notFound(StripeStub.notFound("charge", "id", call.id()));
			case CREATE_SESSION -> unrecognized(call);
			default -> notFound(StripeStub.notFound("checkout.session", "session", call.id()));
		};
	}

	private static ResponseDefinition unrecognized(StripeRequest call) {
		ObjectNode error = json.createObjectNode()
			.put("type", "invalid_request_error")
			.put("message", "Unrecognized request URL (" + call.method() + ": " + call.path() + ").");
		return notFound(json.createObjectNode().set("error", error).toString());
	}

	private static ResponseDefinition notFound(String body) {
		return aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(body).build();
	}

}
