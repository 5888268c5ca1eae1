package com.example.shop.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import com.example.shop.FakeStripe;
import com.example.shop.StripeSignature;
import com.example.shop.StripeStub;
import com.github.tomakehurst.wiremock.WireMockServer;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The demo's stand-in for the Stripe Dashboard's payments: every paid purchase of the demo, and a
 * button to refund one. A refund goes as with Stripe: the charge says it is refunded, and Stripe's
 * {@code charge.refunded} event, signed with the webhook secret, reaches the store's /stripe/webhook,
 * which closes the receipt and the download.
 */
@Controller
@TestComponent
class DemoPurchasesController {

	static final String PATH = "/demo/purchases";

	private final FakeStripe stripe;

	private final WireMockServer stripeApiServer;

	private final Environment environment;

	private final HttpClient http = HttpClient.newHttpClient();

	DemoPurchasesController(FakeStripe stripe, WireMockServer stripeApiServer, Environment environment) {
		this.stripe = stripe;
		this.stripeApiServer = stripeApiServer;
		this.environment = environment;
	}

	/** The refund buttons post it back: Spring Security refuses a POST without it. */
	@ModelAttribute("csrf")
	CsrfToken csrf(CsrfToken token) {
		return token;
	}

	@GetMapping(PATH)
	String showPurchases(Model model) {
		model.addAttribute("purchases", stripe.sessions().stream()
			.filter(session -> session.path("payment_status").asString().equals("paid"))
			.map(DemoPurchasesController::purchase)
			.toList());
		return "demo/purchases";
	}

	@PostMapping(PATH + "/{sessionId}/refund")
	String refund(@PathVariable String sessionId) throws IOException, InterruptedException {
		String charge = stripe.refund(sessionId);
		StripeStub.willReturnCharge(stripeApiServer, charge);
		String event = StripeStub.event("charge.refunded", charge);
		HttpResponse<String> delivered = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + "/stripe/webhook"))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", StripeSignature.sign(event, StripeStub.WEBHOOK_SECRET, Instant.now().getEpochSecond()))
			.POST(HttpRequest.BodyPublishers.ofString(event))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (delivered.statusCode() != 200) {
			throw new IllegalStateException("The store's webhook answered the refund with " + delivered.statusCode());
		}
		return "redirect:" + PATH;
	}

	private static Purchase purchase(JsonNode session) {
		JsonNode charge = session.path("payment_intent").path("latest_charge");
		Currency currency = Currency.getInstance(session.path("currency").asString().toUpperCase(Locale.ROOT));
		BigDecimal amount = BigDecimal.valueOf(session.path("amount_total").asLong(), currency.getDefaultFractionDigits());
		return new Purchase(session.path("id").asString(), session.path("customer_details").path("email").asString(""),
				amount.toPlainString() + " " + currency.getCurrencyCode(), charge.path("refunded").asBoolean());
	}

	/** One purchase as the page lists it (public: FreeMarker reads only public classes). */
	public record Purchase(String id, String email, String amount, boolean refunded) {
	}

}
