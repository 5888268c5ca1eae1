package ${package}.checkout;

import java.util.Map;

import ${package}.StripeStub;
import ${package}.catalog.Catalog;
import ${package}.catalog.Item;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The receipt page reads the payment back from Stripe, behind an unguessable address. */
@SpringBootTest
@AutoConfigureMockMvc
class ReceiptControllerTests {

	@RegisterExtension
	static WireMockExtension stripe = StripeStub.server();

	@DynamicPropertySource
	static void stripeApi(DynamicPropertyRegistry registry) {
		StripeStub.configure(registry, stripe);
	}

	static final String PI = "pi_3TestReceipt";

	@Autowired
	MockMvc mvc;

	@Autowired
	ReceiptLinks receiptLinks;

	@Autowired
	Catalog catalog;

	String paymentIntent(String status) {
		Item item = catalog.firstItem();
		return StripeStub.paymentIntent(PI, status, item.amountInMinorUnits(1), item.currency(),
				Map.of("item_id", item.id(), "quantity", "1"));
	}

	@Test
	void showsWhatWasPaidAsStripeReportsIt() throws Exception {
		StripeStub.willReturnPaymentIntent(stripe, PI, paymentIntent("succeeded"));
		Item item = catalog.firstItem();

		mvc.perform(get(receiptLinks.pathFor(PI)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thank you!")))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(item.name(), "UTF-8"))))
			.andExpect(content().string(containsString(item.formattedPrice(catalog.locale()))))
			.andExpect(content().string(containsString(PI)));
	}

	@Test
	void aPaymentThatFailedSaysSo() throws Exception {
		StripeStub.willReturnPaymentIntent(stripe, PI, paymentIntent("requires_payment_method"));

		mvc.perform(get(receiptLinks.pathFor(PI)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Payment not completed")));
	}

	@Test
	void aGuessedAddressIsNotFoundAndStripeIsNotAsked() throws Exception {
		mvc.perform(get("/receipt/" + PI + "/guessed")).andExpect(status().isNotFound());
		mvc.perform(get(receiptLinks.pathFor("pi_3SomeoneElse").replace("pi_3SomeoneElse", PI)))
			.andExpect(status().isNotFound());

		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

}
