package ${package}.stripe;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ${package}.StripeStub;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The webhook, with events signed for real the way Stripe signs them. */
@SpringBootTest
@AutoConfigureMockMvc
class StripeWebhookControllerTests {

	@RegisterExtension
	static WireMockExtension stripe = StripeStub.server();

	@DynamicPropertySource
	static void stripeApi(DynamicPropertyRegistry registry) {
		StripeStub.configure(registry, stripe);
	}

	static final String PI = "pi_3TestWebhook";

	@Autowired
	MockMvc mvc;

	static String intent(Map<String, String> metadata) {
		return StripeStub.paymentIntent(PI, "succeeded", 900, "usd", metadata);
	}

	static final String SUCCEEDED_EVENT = StripeStub.event("payment_intent.succeeded",
			intent(Map.of("item_id", "item", "quantity", "1")));

	ResultActions deliver(String payload, String signature) throws Exception {
		return mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", signature)
			.content(payload));
	}

	/** Stripe's scheme: v1 is the HMAC-SHA256 of "timestamp.payload" keyed with the endpoint secret. */
	static String sign(String payload, String secret, long timestamp) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
		return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
	}

	static long now() {
		return Instant.now().getEpochSecond();
	}

	@Test
	void aSignedSucceededEventFulfilsAnUnfulfilledPayment() throws Exception {
		StripeStub.willReturnPaymentIntent(stripe, PI, intent(Map.of("item_id", "item", "quantity", "1")));
		StripeStub.willUpdatePaymentIntent(stripe, PI,
				intent(Map.of("item_id", "item", "quantity", "1", "fulfilled", "true")));

		deliver(SUCCEEDED_EVENT, sign(SUCCEEDED_EVENT, StripeStub.WEBHOOK_SECRET, now())).andExpect(status().isOk());

		stripe.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + PI))
			.withFormParam("metadata[fulfilled]", equalTo("true")));
	}

	@Test
	void anAlreadyFulfilledPaymentIsNotFulfilledAgain() throws Exception {
		StripeStub.willReturnPaymentIntent(stripe, PI,
				intent(Map.of("item_id", "item", "quantity", "1", "fulfilled", "true")));

		deliver(SUCCEEDED_EVENT, sign(SUCCEEDED_EVENT, StripeStub.WEBHOOK_SECRET, now())).andExpect(status().isOk());

		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + PI)));
	}

	@Test
	void aForgedSignatureIsRefused() throws Exception {
		deliver(SUCCEEDED_EVENT, sign(SUCCEEDED_EVENT, "whsec_someone_else", now())).andExpect(status().isBadRequest());

		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aStaleSignatureIsRefused() throws Exception {
		long tenMinutesAgo = now() - 600;

		deliver(SUCCEEDED_EVENT, sign(SUCCEEDED_EVENT, StripeStub.WEBHOOK_SECRET, tenMinutesAgo))
			.andExpect(status().isBadRequest());

		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aMissingSignatureIsRefused() throws Exception {
		mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON).content(SUCCEEDED_EVENT))
			.andExpect(status().isBadRequest());
	}

	@Test
	void otherEventTypesAreAcknowledgedAndIgnored() throws Exception {
		String event = StripeStub.event("payment_intent.created", intent(Map.of()));

		deliver(event, sign(event, StripeStub.WEBHOOK_SECRET, now())).andExpect(status().isOk());

		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

}
