package com.example.plain;

import java.util.List;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns every successful answer to one of the store's operations into what Stripe would send for
 * that request, whether a stub or {@link FakeStripe} wrote it: fields not expanded become ids
 * ({@link StripeExpansion}), and a list is paged as Stripe pages it ({@code starting_after}, then
 * {@code limit} objects, 10 unless asked, with {@code has_more} when more follow). So a stub may
 * hold a whole paid session; the store gets its payment only when it asks for it.
 */
final class StripeAnswer implements ResponseTransformerV2 {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Override
	public String getName() {
		return "stripe-answer";
	}

	@Override
	public boolean applyGlobally() {
		return true;
	}

	@Override
	public Response transform(Response response, ServeEvent serveEvent) {
		StripeRequest call = StripeRequest.of(serveEvent.getRequest());
		if (call.operation().isEmpty() || response.getStatus() != 200) {
			return response;
		}
		JsonNode answer = json.readTree(response.getBodyAsString());
		try {
			if (answer instanceof ObjectNode list && "list".equals(list.path("object").asString(null))) {
				page(list, call);
			}
			StripeExpansion.collapse(answer, call.expand());
		}
		catch (IllegalStateException ex) {
			return Response.Builder.like(response).but().status(500).body(ex.getMessage()).build();
		}
		return Response.Builder.like(response).but().body(answer.toString()).build();
	}

	private static void page(ObjectNode list, StripeRequest call) {
		List<String> after = call.values("starting_after");
		List<String> limit = call.values("limit");
		int size = limit.isEmpty() ? 10 : Integer.parseInt(limit.get(0));
		ArrayNode all = (ArrayNode) list.path("data");
		ArrayNode page = json.createArrayNode();
		boolean started = after.isEmpty();
		boolean more = false;
		for (JsonNode object : all) {
			if (!started) {
				started = after.get(0).equals(object.path("id").asString(null));
			}
			else if (page.size() < size) {
				page.add(object);
			}
			else {
				more = true;
			}
		}
		list.set("data", page);
		list.put("has_more", more || list.path("has_more").asBoolean(false));
	}

}
