package com.example.hostile.downloads.withdrawalwaiver;

import com.example.hostile.downloads.catalog.ItemPageAddition;
import com.example.hostile.downloads.checkout.CheckoutConsent;

import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;

/**
 * The EU withdrawal waiver. A consumer in the EU may normally withdraw from an online purchase
 * within 14 days; for digital content delivered at once the seller needs their express consent to
 * immediate delivery and their acknowledgement that they thereby lose that right, and must confirm
 * it to them on a durable medium. So the item page shows an unticked box with the words of
 * {@link #WORDING} (templates/withdrawalwaiver/item.ftlh), the checkout opens only once it is
 * ticked, the words accepted are kept in the session's and the payment's metadata at Stripe, and
 * the buyer's e-mail repeats them ({@link WithdrawalWaiverInMail}).
 */
@Component
class WithdrawalWaiver implements CheckoutConsent, ItemPageAddition {

	/**
	 * What the buyer ticks, word for word (in messages.properties, in the store's language): on the
	 * item page, in Stripe's metadata and in the e-mail. Have a lawyer read it in each language you use.
	 */
	static final String WORDING = "withdrawalWaiver.wording";

	/** The box's name, and the metadata key its words are kept under at Stripe. */
	static final String NAME = "withdrawal_waiver";

	// Stripe refuses a metadata value longer than this: better to know at start-up than at the first sale.
	static final int STRIPE_MAX_VALUE_LENGTH = 500;

	private final String wording;

	WithdrawalWaiver(MessageSourceAccessor messages) {
		this.wording = checked(messages.getMessage(WORDING));
	}

	static String checked(String wording) {
		if (wording.isBlank() || wording.length() > STRIPE_MAX_VALUE_LENGTH) {
			throw new IllegalStateException(WORDING + " in messages.properties must have 1 to " + STRIPE_MAX_VALUE_LENGTH
					+ " characters, as Stripe keeps it in metadata; it has " + wording.length());
		}
		return wording;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String wording() {
		return wording;
	}

	@Override
	public String notTickedMessage() {
		return "withdrawalWaiver.notTicked";
	}

	/** The box, in the checkout form. */
	@Override
	public String template() {
		return "withdrawalwaiver/item.ftlh";
	}

}
