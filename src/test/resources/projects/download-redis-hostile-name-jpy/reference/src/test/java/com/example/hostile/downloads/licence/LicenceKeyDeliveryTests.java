package com.example.hostile.downloads.licence;

import java.util.List;

import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** The buyer gets the key of a paid purchase on its receipt, and not once it is closed. */
@LicenceKeysOn
class LicenceKeyDeliveryTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	LicenceKeys keys;

	@Autowired
	Catalog catalog;

	final String id = StripeStub.newSessionId();

	void stripeHas(String session) {
		StripeStub.willReturnSession(stripe, id, session);
		StripeStub.willUpdateSession(stripe, id, session);
	}

	@Test
	void theReceiptOfAPaidPurchaseShowsItsKey() throws Exception {
		stripeHas(StripeStub.paidSession(id, catalog.firstItem()));

		mvc.perform(get("/receipt/" + id))
			.andExpect(content().string(containsString("<code id=\"licence-key\">" + keys.keyFor(id) + "</code>")));
	}

	@Test
	void theReceiptOfARefundedDisputedOrUnpaidPurchaseShowsNoKey() throws Exception {
		Item item = catalog.firstItem();
		String paid = StripeStub.paidSession(id, item);
		for (String closed : List.of(StripeStub.refunded(paid, 1), StripeStub.disputed(paid),
				StripeStub.storeSession(id, "complete", "unpaid", item, 1))) {
			String another = StripeStub.newSessionId();
			String session = closed.replace(id, another);
			StripeStub.willReturnSession(stripe, another, session);

			mvc.perform(get("/receipt/" + another))
				.andExpect(content().string(not(containsString("Licence key"))))
				.andExpect(content().string(not(containsString(keys.keyFor(another)))));
		}
	}

}
