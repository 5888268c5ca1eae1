package ${package}.licence;

import java.util.HashMap;
import java.util.Map;

import ${package}.Purchase;
import ${package}.StoreTest;
import ${package}.StripeStub;
import ${package}.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With download.licence-keys off (the default), there are no keys: no check, nothing on the receipt or in the e-mail. */
@StoreTest
class LicenceKeysOffTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	LicenceKeyDelivery delivery;

	@Autowired
	Catalog catalog;

	final String id = StripeStub.newSessionId();

	@Test
	void theCheckIsNotThere() throws Exception {
		mvc.perform(post("/licences/verify").contentType(MediaType.APPLICATION_JSON)
			.content("{\"key\": \"" + id + ".c2lnbmF0dXJl\"}")).andExpect(status().isNotFound());

		stripe.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void theReceiptAndTheEmailShowNoKey() throws Exception {
		String paid = StripeStub.paidSession(id, catalog.firstItem());
		StripeStub.willReturnSession(stripe, id, paid);
		StripeStub.willUpdateSession(stripe, id, paid);

		mvc.perform(get("/receipt/" + id))
			.andExpect(content().string(containsString("Thank you!")))
			.andExpect(content().string(not(containsString("Licence key"))));
		Map<String, Object> model = new HashMap<>();
		delivery.contribute(new Purchase(id, catalog.firstItem().id(), 1, 1250, "usd", null), null,
				"http://localhost", model);
		assertThat(model).doesNotContainKey("licenceKey");
	}

}
