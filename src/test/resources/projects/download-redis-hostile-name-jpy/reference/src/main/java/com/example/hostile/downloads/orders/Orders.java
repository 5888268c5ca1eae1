package com.example.hostile.downloads.orders;

import com.example.hostile.downloads.Purchase;
import com.example.hostile.downloads.Refund;
import com.example.hostile.downloads.fulfilment.PurchaseFulfilled;
import com.example.hostile.downloads.webhook.RefundPosted;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records each purchase as an order, and each refund or dispute of one, in the orders database
 * (its tables are made by Flyway from {@code db/migration}). Either can be reported more than once
 * (two instances of the store, Stripe delivering an event again), so an order is keyed by its
 * Checkout Session and a refund by Stripe's event: a second report of either changes nothing.
 *
 * <p>If the database is down when a purchase is fulfilled, the purchase is sold all the same and
 * the log says which one went unrecorded ("A listener of PurchaseFulfilled failed"). A refund that
 * cannot be recorded makes the webhook answer 500, so Stripe delivers it again later.
 */
@Component
class Orders {

	private final JdbcClient jdbc;

	Orders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void purchaseFulfilled(PurchaseFulfilled fulfilled) {
		Purchase purchase = fulfilled.purchase();
		jdbc.sql("""
				insert into orders (id, item_id, quantity, amount, currency, email)
				values (:id, :itemId, :quantity, :amountTotal, :currency, :email)
				on conflict do nothing""")
			.paramSource(purchase)
			.update();
	}

	@EventListener
	void refundPosted(RefundPosted posted) {
		Refund refund = posted.refund();
		jdbc.sql("""
				insert into refunds (event_id, order_id, kind, amount_refunded, currency, refunded_in_full)
				values (:eventId, :purchaseId, :kind, :amountRefunded, :currency, :refundedInFull)
				on conflict do nothing""")
			.param("eventId", refund.eventId())
			.param("purchaseId", refund.purchaseId())
			.param("kind", refund.kind().name())
			.param("amountRefunded", refund.amountRefunded())
			.param("currency", refund.currency())
			.param("refundedInFull", refund.refundedInFull())
			.update();
	}

}
