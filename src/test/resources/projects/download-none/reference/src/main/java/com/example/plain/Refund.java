package com.example.plain;

/**
 * Money taken back from a purchase, or a dispute about it, as {@link PurchaseHooks#postRefund} gets
 * it: read from Stripe's event and the purchase's Checkout Session.
 *
 * @param purchaseId the Checkout Session's id ({@code cs_...}), the same as {@link Purchase#id()}:
 * the key you stored the purchase under
 * @param kind what happened
 * @param amountRefunded how much of the payment has been refunded so far, all refunds together, in
 * the currency's minor units (0 for a dispute without a refund)
 * @param currency the currency the buyer paid in
 * @param refundedInFull whether the whole payment has been refunded
 * @param eventId Stripe's event ({@code evt_...}): one per refund or dispute change, so with
 * {@code purchaseId} a key that makes a second call for the same event harmless
 */
public record Refund(String purchaseId, String itemId, int quantity, Kind kind, long amountRefunded, String currency,
		boolean refundedInFull, String eventId) {

	public enum Kind {

		/** Refunded in full or in part (in the Dashboard, or with the API): the buyer has money back. */
		REFUNDED,

		/**
		 * The buyer disputed the payment with their bank: a chargeback (Stripe takes the money back
		 * from your balance until it is decided) or an inquiry that may become one.
		 */
		DISPUTED,

		/** The bank decided the dispute for you: the money is yours again. */
		DISPUTE_WON,

		/** The bank decided the dispute for the buyer: the money went back to them. */
		DISPUTE_LOST

	}

}
