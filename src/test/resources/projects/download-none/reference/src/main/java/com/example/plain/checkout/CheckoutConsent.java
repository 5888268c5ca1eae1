package com.example.plain.checkout;

/**
 * A box the buyer must tick on the item page before a checkout opens, declared by a feature as a
 * bean (its box on the page is an {@code ItemPageAddition}). The checkout is refused while it is
 * not ticked, and its words go into the Checkout Session's and the payment's metadata at Stripe:
 * the record of what the buyer agreed to.
 */
public interface CheckoutConsent {

	/**
	 * The box's name: what checkout.js sends in {@code ticked} when it is ticked (the box's
	 * {@code name} attribute), and the metadata key its words are kept under.
	 */
	String name();

	/** The words beside the box, word for word: at most 500 characters, Stripe's limit for a metadata value. */
	String wording();

	/** The code, in messages.properties, of what the buyer is told when the box was not ticked. */
	String notTickedMessage();

}
