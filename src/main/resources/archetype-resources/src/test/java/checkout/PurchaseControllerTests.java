package ${package}.checkout;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ${package}.Csrf;
import ${package}.StoreTest;
import ${package}.StripeStub;
import ${package}.catalog.Catalog;
import ${package}.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The purchase, against Stripe's API played by WireMock. */
@StoreTest
@ExtendWith(OutputCaptureExtension.class)
class PurchaseControllerTests {

	@Autowired
	WireMockServer stripe;

	static final AtomicInteger payments = new AtomicInteger();

	// A new payment for each test: the store remembers for a while which payments it fulfilled.
	final String PI = "pi_3TestPurchase" + payments.incrementAndGet();

	static final String TOKEN = "ctoken_1TestToken";

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	Item item;

	Map<String, String> unfulfilled;

	Map<String, String> fulfilled;

	@BeforeEach
	void sellTheFirstItem() {
		item = catalog.firstItem();
		unfulfilled = StripeStub.storeMetadata(item, 1);
		fulfilled = StripeStub.storeMetadata(item, 1, "fulfilled", "true");
	}

	ResultActions purchase(String json) throws Exception {
		return mvc.perform(post("/purchase").with(Csrf.tokenFrom(mvc)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions purchaseItem() throws Exception {
		return purchase("""
				{"confirmationTokenId": "%s", "itemId": "%s", "email": "shopper@example.com"}"""
			.formatted(TOKEN, item.id()));
	}

	String intent(String status, Map<String, String> metadata) {
		return StripeStub.paymentIntent(PI, status, item.amountInMinorUnits(1), item.currency(), metadata);
	}

	@Test
	void successfulPaymentFulfilsOnceAndAnswersWithTheReceipt(CapturedOutput output) throws Exception {
		StripeStub.willCreatePaymentIntent(stripe, intent("succeeded", unfulfilled));
		StripeStub.willUpdatePaymentIntent(stripe, PI, intent("succeeded", fulfilled));

		purchaseItem().andExpect(status().isOk())
			.andExpect(jsonPath("$.receiptUrl").value(org.hamcrest.Matchers.startsWith("/receipt/" + PI + "/")));

		stripe.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
			.withFormParam("confirm", equalTo("true"))
			.withFormParam("confirmation_token", equalTo(TOKEN))
			.withFormParam("receipt_email", equalTo("shopper@example.com"))
			.withFormParam("metadata[item_id]", equalTo(item.id())));
		stripe.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + PI))
			.withFormParam("metadata[fulfilled]", equalTo("true")));
		assertThat(output).contains("Purchase " + PI + ": 1 x " + item.id());
	}

	@Test
	void sendsAnIdempotencyKeyDerivedFromTheConfirmationToken() throws Exception {
		StripeStub.willCreatePaymentIntent(stripe, intent("succeeded", fulfilled));

		purchaseItem().andExpect(status().isOk());
		purchaseItem().andExpect(status().isOk());

		stripe.verify(exactly(2), postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
			.withHeader("Idempotency-Key", equalTo("purchase-" + TOKEN)));
	}

	@Test
	void chargesTheCatalogPriceTimesTheQuantity() throws Exception {
		int most = catalog.maxQuantity();
		StripeStub.willCreatePaymentIntent(stripe, intent("succeeded", fulfilled));

		purchase("""
				{"confirmationTokenId": "%s", "itemId": "%s", "quantity": %d}""".formatted(TOKEN, item.id(), most))
			.andExpect(status().isOk());

		stripe.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
			.withFormParam("amount", equalTo(Long.toString(item.amountInMinorUnits(most))))
			.withFormParam("metadata[quantity]", equalTo(Integer.toString(most))));
	}

	@Test
	void threeDSecureAnswersWithTheClientSecretThenCompletes() throws Exception {
		StripeStub.willCreatePaymentIntent(stripe, intent("requires_action", unfulfilled));
		purchaseItem().andExpect(status().isOk())
			.andExpect(jsonPath("$.clientSecret").value(StripeStub.clientSecret(PI)));
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + PI)));

		// The shopper authenticated in the browser; Stripe now reports the payment succeeded.
		StripeStub.willReturnPaymentIntent(stripe, PI, intent("succeeded", unfulfilled));
		StripeStub.willUpdatePaymentIntent(stripe, PI, intent("succeeded", fulfilled));
		mvc.perform(post("/purchase/complete").with(Csrf.tokenFrom(mvc))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"clientSecret\": \"%s\"}".formatted(StripeStub.clientSecret(PI))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.receiptUrl").exists());

		stripe.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + PI))
			.withFormParam("metadata[fulfilled]", equalTo("true")));
	}

	@Nested
	class WhenItGoesWrong {

		@Test
		void aDeclinedCardShowsStripesMessage() throws Exception {
			StripeStub.willDecline(stripe);

			purchaseItem().andExpect(status().isPaymentRequired())
				.andExpect(jsonPath("$.error.message").value("Your card was declined."));
		}

		@Test
		void anUnknownItemIsRefusedBeforeStripeIsAsked() throws Exception {
			purchase("""
					{"confirmationTokenId": "%s", "itemId": "no-such-item"}""".formatted(TOKEN))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.error.message").value("This item is not for sale."));

			stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
		}

		@ParameterizedTest
		@ValueSource(strings = { "0", "-1", "1001", "99999999999999999999", "\"two\"", "1.5" })
		void aQuantityOutsideOneToTheMaximumIsRefusedBeforeStripeIsAsked(String quantity) throws Exception {
			String tooMany = Integer.toString(catalog.maxQuantity() + 1);
			for (String bad : new String[] { quantity, tooMany }) {
				purchase("""
						{"confirmationTokenId": "%s", "itemId": "%s", "quantity": %s}""".formatted(TOKEN, item.id(), bad))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.error.message").isNotEmpty());
			}

			stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
		}

		@Test
		void aPurchaseWithoutTheCsrfTokenIsForbidden() throws Exception {
			mvc.perform(post("/purchase").contentType(MediaType.APPLICATION_JSON)
				.content("{\"confirmationTokenId\": \"%s\", \"itemId\": \"%s\"}".formatted(TOKEN, item.id())))
				.andExpect(status().isForbidden());

			stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
		}

		@Test
		void completionWithAnotherPaymentsSecretIsRefused() throws Exception {
			StripeStub.willReturnPaymentIntent(stripe, PI, intent("succeeded", unfulfilled));

			mvc.perform(post("/purchase/complete").with(Csrf.tokenFrom(mvc))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"clientSecret\": \"%s_secret_guessed\"}".formatted(PI)))
				.andExpect(status().isBadRequest());

			stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + PI)));
		}

		@Test
		void failedAuthenticationShowsStripesReason() throws Exception {
			String failed = intent("requires_payment_method", unfulfilled)
				.replace("\"last_payment_error\":null",
						"\"last_payment_error\":{\"type\":\"card_error\",\"message\":\"We are unable to authenticate your payment method.\"}");
			StripeStub.willReturnPaymentIntent(stripe, PI, failed);

			mvc.perform(post("/purchase/complete").with(Csrf.tokenFrom(mvc))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"clientSecret\": \"%s\"}".formatted(StripeStub.clientSecret(PI))))
				.andExpect(status().isPaymentRequired())
				.andExpect(jsonPath("$.error.message").value("We are unable to authenticate your payment method."));
		}

	}

}
