package com.example.shop;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What fake-stripe.js talks to instead of api.stripe.com: real Stripe.js sends the buyer's
 * e-mail, promotion code and payment straight to Stripe, so the stand-in sends them to
 * {@link FakeStripe}, the tests' Stripe, through the store's own origin (the page's
 * Content-Security-Policy lets it reach nothing else). Tests only, and only where {@link StoreTest}
 * adds it: a test component, which component scanning leaves out.
 */
@TestComponent
@RestController
class FakeStripeJsBackend {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final FakeStripe stripe;

	FakeStripeJsBackend(FakeStripe stripe) {
		this.stripe = stripe;
	}

	@GetMapping("/test/stripe/sessions/{id}")
	JsonNode session(@PathVariable String id) {
		return json.readTree(stripe.session(id));
	}

	@GetMapping("/test/stripe/sessions/{id}/email")
	JsonNode email(@PathVariable String id, @RequestParam String email) {
		stripe.updateEmail(id, email);
		return session(id);
	}

	@GetMapping("/test/stripe/sessions/{id}/promotion-code")
	JsonNode promotionCode(@PathVariable String id, @RequestParam String code) {
		String error = stripe.applyPromotionCode(id, code);
		return error == null ? session(id) : json.valueToTree(Map.of("error", error));
	}

	@GetMapping("/test/stripe/sessions/{id}/confirm")
	JsonNode confirm(@PathVariable String id, @RequestParam String method) {
		ObjectNode outcome = (ObjectNode) stripe.confirm(id, method);
		return outcome;
	}

}
