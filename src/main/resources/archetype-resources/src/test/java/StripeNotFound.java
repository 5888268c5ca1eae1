package ${package};

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
			return notFound(null, null, "Unrecognized request URL (" + call.method() + ": " + call.path() + ").");
		}
		return switch (call.operation().get()) {
			case LIST_SESSIONS -> aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(StripeStub.list())
				.build();
			case RETRIEVE_CHARGE -> notFound("resource_missing", "id", "No such charge: '" + call.id() + "'");
			case CREATE_SESSION -> notFound(null, null, "Unrecognized request URL (POST: " + call.path() + ").");
			default -> notFound("resource_missing", "session", "No such checkout.session: '" + call.id() + "'");
		};
	}

	private static ResponseDefinition notFound(String code, String param, String message) {
		ObjectNode error = json.createObjectNode().put("type", "invalid_request_error").put("message", message);
		if (code != null) {
			error.put("code", code).put("doc_url", "https://stripe.com/docs/error-codes/resource-missing").put("param", param);
		}
		return aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(json.createObjectNode().set("error", error).toString())
			.build();
	}

}
