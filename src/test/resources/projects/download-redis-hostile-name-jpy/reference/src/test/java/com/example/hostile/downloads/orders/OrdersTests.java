package com.example.hostile.downloads.orders;

import java.util.List;
import java.util.Map;

import com.example.hostile.downloads.Purchase;
import com.example.hostile.downloads.Refund;
import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.StripeSignature;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import com.example.hostile.downloads.fulfilment.PurchaseFulfilled;
import com.example.hostile.downloads.webhook.RefundPosted;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The running store records its purchases, refunds and disputes as orders (H2 in memory here, as
 * src/test/resources/application.properties sets it): one row for each, however often it is
 * reported. OrdersDatabaseTests runs the same SQL on PostgreSQL.
 */
@StoreTest
class OrdersTests {

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	WireMockServer stripe;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	Item item;

	// The store remembers sessions and events for a while: each test has its own.
	final String id = StripeStub.newSessionId();

	String paid;

	@BeforeEach
	void aPaidPurchaseWhoseReceiptWasSeen() throws Exception {
		item = catalog.firstItem();
		paid = StripeStub.paidSession(id, item);
		StripeStub.willReturnSession(stripe, id, paid);
		StripeStub.willUpdateSession(stripe, id, paid);
		StripeStub.willListSessionsOfPayment(stripe,
				json.readTree(paid).get("payment_intent").get("id").asString(), paid);
		mvc.perform(get("/receipt/" + id)).andExpect(content().string(containsString("Thank you!")));
	}

	// Rows as maps whose keys ignore case: H2 names the columns in capitals, PostgreSQL in lower case.
	List<Map<String, Object>> orders() {
		return jdbc.sql("select item_id, quantity, amount, currency, email from orders where id = ?").param(id)
			.query().listOfRows();
	}

	List<Map<String, Object>> refunds() {
		return jdbc.sql("select event_id, kind, amount_refunded, refunded_in_full from refunds where order_id = ?"
				+ " order by recorded_at").param(id).query().listOfRows();
	}

	void deliver(String type, String object) throws Exception {
		String event = StripeStub.event(type, object);
		mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", StripeSignature.signNow(event))
			.content(event)).andExpect(status().isOk());
		// Delivered again: the store recognises the event and does not report it twice.
		mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", StripeSignature.signNow(event))
			.content(event)).andExpect(status().isOk());
	}

	@Test
	void aPurchaseIsOneOrderHoweverOftenItIsFulfilled() throws Exception {
		String email = json.readTree(paid).get("customer_details").get("email").asString();
		assertThat(orders()).singleElement().satisfies(order -> assertThat(order).containsEntry("item_id", item.id())
			.containsEntry("quantity", 1)
			.containsEntry("amount", item.amountInMinorUnits(1))
			.containsEntry("currency", item.currency())
			.containsEntry("email", email));
		mvc.perform(get("/receipt/" + id)).andExpect(content().string(containsString("Thank you!")));

		// As a second instance of the store would report it, with what Stripe says (the same purchase).
		Purchase again = new Purchase(id, item.id(), 1, item.amountInMinorUnits(1), item.currency(), email);
		events.publishEvent(new PurchaseFulfilled(again, null, null));
		assertThat(orders()).hasSize(1);
	}

	@Test
	void eachRefundOrDisputeEventIsOneRow() throws Exception {
		long price = item.amountInMinorUnits(1);
		String refunded = StripeStub.refunded(paid, price);
		StripeStub.willReturnSession(stripe, id, refunded);
		StripeStub.willReturnCharge(stripe, StripeStub.chargeOf(refunded));
		deliver("charge.refunded", StripeStub.chargeOf(refunded));
		String disputed = StripeStub.disputed(refunded);
		StripeStub.willReturnCharge(stripe, StripeStub.chargeOf(disputed));
		deliver("charge.dispute.created", StripeStub.dispute(disputed, "needs_response"));

		List<Map<String, Object>> rows = refunds();
		assertThat(rows).extracting(row -> row.get("kind")).containsExactly("REFUNDED", "DISPUTED");
		assertThat(rows.get(0)).containsEntry("amount_refunded", price).containsEntry("refunded_in_full", true);

		// As a second instance of the store would report the refund again.
		String eventId = (String) rows.get(0).get("event_id");
		events.publishEvent(new RefundPosted(new Refund(id, item.id(), 1, Refund.Kind.REFUNDED, price, item.currency(),
				true, eventId)));
		assertThat(refunds()).hasSize(2);
	}

}
