package com.example.plain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Your code: the store calls these three methods, and everything else it does is machinery you
 * need not touch. Stripe keeps the record of every payment. Grant access, send e-mail or keep
 * records of your own here.
 *
 * <p>They run on the web server's request thread, so keep them quick (a database write, a
 * message put on a queue) or hand slow work to a thread of your own.
 */
@Component
public class PurchaseHooks {

	private static final Logger log = LoggerFactory.getLogger(PurchaseHooks.class);

	/**
	 * Called each time a shopper opens the checkout for an item ({@code POST /checkout}), before
	 * Stripe is asked for anything. Return the order to sell (change its price here), or throw
	 * {@link PurchaseRefusedException} to refuse it: the shopper reads its message, nothing is
	 * charged and Stripe is never called.
	 *
	 * <p>It may run <em>more than once per purchase</em>, and for checkouts nobody pays: a shopper
	 * who reloads the page or changes the quantity opens a new checkout. So check here, but record
	 * nothing for good: that is {@link #postPurchase}'s job.
	 */
	public Order prePurchase(Order order) {
		// A discount: 10% off three or more (a multi-item store sells more than one at once).
		//   if (order.quantity() >= 3) {
		//       return order.withUnitAmount(order.unitAmount() * 90 / 100);
		//   }
		// Sold out: with stock counted in your own database, say.
		//   if (stock.remaining(order.item().id()) < order.quantity()) {
		//       throw new PurchaseRefusedException("Sorry, " + order.item().name() + " is sold out.");
		//   }
		return order;
	}

	/**
	 * Called once Stripe reports the purchase paid: by the receipt page the buyer lands on, or by
	 * Stripe's webhook when the buyer never comes back (a closed tab, a bank transfer that clears
	 * days later).
	 *
	 * <p>Called <em>at least once</em> per purchase: normally once, but with several instances of
	 * the store, or a failure just after this method returns, a second call can come. Key what you
	 * store by {@code purchase.id()} (the Checkout Session) so a second call changes nothing. If
	 * this method throws, the purchase stays unfulfilled and Stripe's webhook calls it again later
	 * (for up to three days); the buyer still sees their receipt.
	 */
	public void postPurchase(Purchase purchase) {
		// Grant access in your own table, keyed by the purchase so that a second call is harmless:
		//   jdbc.update("insert into access (purchase_id, email, item_id) values (?, ?, ?)"
		//       + " on conflict (purchase_id) do nothing", purchase.id(), purchase.email(), purchase.itemId());
		// What was sold, never a key or card detail (the store never sees card details).
		log.info("Purchase {}: {} x {}, {} {} (minor units)", purchase.id(), purchase.quantity(), purchase.itemId(),
				purchase.amountTotal(), purchase.currency());
	}

	/**
	 * Called when Stripe reports that a purchase was refunded (in full or in part), disputed by the
	 * buyer with their bank, or that a dispute was decided. Take back here what
	 * {@link #postPurchase} gave: revoke an account's access, tell yourself. The store
	 * itself has already closed the receipt and download of the purchase (a decided dispute does not
	 * reopen them, whoever won it).
	 *
	 * <p>Runs on the web server's thread that answers Stripe's webhook, once per event in this
	 * instance: Stripe may deliver an event twice, and a second delivery within a day is recognised by
	 * the event's id. With several instances of the store, or a failure just after this method
	 * returns, it can still be called twice for one event, so key what you store by
	 * {@code refund.purchaseId()} and {@code refund.eventId()}. Several refunds of one purchase come
	 * as several events, each with the amount refunded so far. If this method throws, the webhook
	 * answers 500 and Stripe delivers the event again later (for up to three days), calling this
	 * method again.
	 */
	public void postRefund(Refund refund) {
		// Take access back, keyed by the purchase, so that a second call changes nothing:
		//   switch (refund.kind()) {
		//       case REFUNDED, DISPUTED, DISPUTE_LOST -> jdbc.update(
		//           "update access set revoked = true where purchase_id = ?", refund.purchaseId());
		//       case DISPUTE_WON -> jdbc.update("update access set revoked = false where purchase_id = ?",
		//           refund.purchaseId());
		//   }
		log.info("Purchase {}: {} ({} {} refunded so far{})", refund.purchaseId(), refund.kind(),
				refund.amountRefunded(), refund.currency(), refund.refundedInFull() ? ", in full" : "");
	}

}
