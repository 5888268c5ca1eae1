package ${package}.checkout;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A fresh store without Stripe keys: pages work, payments politely do not. */
@SpringBootTest(properties = { "stripe.publishable-key=", "stripe.secret-key=" })
@AutoConfigureMockMvc
class NoKeysPurchaseTests {

	// The first item's page: "/" in a one-item store, "/items/<id>" in a catalog.
	static final String ITEM_PAGE = "#if( $variant == 'multi' )/items/item#{else}/#end";

	@Autowired
	MockMvc mvc;

	@Test
	void theItemPageShowsANoticeInsteadOfThePaymentForm() throws Exception {
		mvc.perform(get(ITEM_PAGE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("its Stripe keys are not set")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("payment-form"))));
	}

	@Test
	void thePurchaseEndpointAnswers503WithTheSameExplanation() throws Exception {
		mvc.perform(post("/purchase").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confirmationTokenId\": \"ctoken_1\", \"itemId\": \"item\"}"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.error.message").value(containsString("its Stripe keys are not set")));
	}

}
