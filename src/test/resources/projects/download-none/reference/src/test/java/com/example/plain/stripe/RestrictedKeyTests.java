package com.example.plain.stripe;

import com.example.plain.CheckoutJson;
import com.example.plain.Csrf;
import com.example.plain.QuietOutputCaptureExtension;
import com.example.plain.StripeSignature;
import com.example.plain.StripeStub;
import com.example.plain.catalog.Catalog;
import com.example.plain.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A restricted key (rk_) without a permission one of the store's calls needs: Stripe refuses that
 * call with a 403 naming the permission. Each page and webhook answers as for any refusal, and the
 * log names the permission and the variable that holds the key, so that the seller knows what to
 * add in Stripe's Dashboard (README, "Restricted keys", lists them all).
 */
@RestrictedKeyStore
@ExtendWith(QuietOutputCaptureExtension.class)
class RestrictedKeyTests {

	static final String SESSIONS = "/v1/checkout/sessions";

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	final String id = StripeStub.newSessionId();

	static void theLogNames(CapturedOutput output, String permission) {
		assertThat(output.getOut()).containsPattern(
				"ERROR .*Stripe refused (GET|POST) /v1/\\S+: the restricted key in STRIPE_SECRET_KEY lacks the permission "
						+ permission + "\\.")
			.doesNotContain("rk_test_placeholder_for_tests");
	}

	ResultActions deliver(String event) throws Exception {
		return mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", StripeSignature.signNow(event))
			.content(event));
	}

	@Test
	void openingACheckoutNeedsCheckoutSessionsWrite(CapturedOutput output) throws Exception {
		stripe.stubFor(WireMock.post(urlPathEqualTo(SESSIONS))
			.willReturn(StripeStub.permissionError("rak_checkout_session_write")));

		mvc.perform(post("/checkout").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(CheckoutJson.order(catalog.firstItem().id())))
			.andExpect(status().isBadGateway());

		theLogNames(output, "rak_checkout_session_write");
	}

	@Test
	void aReceiptNeedsCheckoutSessionsRead(CapturedOutput output) throws Exception {
		stripe.stubFor(WireMock.get(urlPathEqualTo(SESSIONS + "/" + id))
			.willReturn(StripeStub.permissionError("rak_checkout_session_read")));

		mvc.perform(get("/receipt/" + id).accept(MediaType.TEXT_HTML)).andExpect(status().isServiceUnavailable());

		theLogNames(output, "rak_checkout_session_read");
	}

	@Test
	void theWebhookReadingAPaidSessionNeedsCheckoutSessionsRead(CapturedOutput output) throws Exception {
		Item item = catalog.firstItem();
		stripe.stubFor(WireMock.get(urlPathEqualTo(SESSIONS + "/" + id))
			.willReturn(StripeStub.permissionError("rak_checkout_session_read")));

		deliver(StripeStub.event("checkout.session.completed", StripeStub.paidSession(id, item)))
			.andExpect(status().isServiceUnavailable());

		theLogNames(output, "rak_checkout_session_read");
	}

	@Test
	void theWebhookMarkingAPurchaseFulfilledNeedsCheckoutSessionsWrite(CapturedOutput output) throws Exception {
		String paid = StripeStub.paidSession(id, catalog.firstItem());
		StripeStub.willReturnSession(stripe, id, paid);
		stripe.stubFor(WireMock.post(urlPathEqualTo(SESSIONS + "/" + id))
			.willReturn(StripeStub.permissionError("rak_checkout_session_write")));

		deliver(StripeStub.event("checkout.session.completed", paid)).andExpect(status().isServiceUnavailable());

		theLogNames(output, "rak_checkout_session_write");
	}

	@Test
	void theWebhookHearingOfARefundNeedsChargesRead(CapturedOutput output) throws Exception {
		String charge = StripeStub.chargeOf(StripeStub.paidSession(id, catalog.firstItem()));
		String chargeId = JsonMapper.builder().build().readTree(charge).get("id").asString();
		stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/charges/" + chargeId))
			.willReturn(StripeStub.permissionError("rak_charge_read")));

		deliver(StripeStub.event("charge.refunded", charge)).andExpect(status().isServiceUnavailable());

		theLogNames(output, "rak_charge_read");
	}

}
