package com.example.downloads.checkout;

import java.util.Map;
import java.util.Optional;

import com.example.downloads.catalog.Catalog;
import com.example.downloads.catalog.Item;
import com.stripe.model.PaymentIntent;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Tells this store's payments apart from every other payment of the Stripe account. The webhook
 * hears all of the account's payments (payment links, invoices, another store), and a receipt or
 * download link names a payment by its id, so each is checked here before it is fulfilled, shown
 * or downloaded.
 *
 * <p>A payment is this store's when its metadata, written at creation, names this store
 * ({@code store.id}), an item of the catalog and a quantity the store sells, and when Stripe
 * charged exactly the amount and currency the store priced (the catalog's, or what
 * {@code prePurchase} decided). Only the account's own API keys and dashboard can write metadata.
 */
@Component
public class StorePayments {

	static final String STORE_ID = "store_id";

	static final String ITEM_ID = "item_id";

	static final String QUANTITY = "quantity";

	static final String AMOUNT = "amount";

	static final String CURRENCY = "currency";

	private final Catalog catalog;

	StorePayments(Catalog catalog) {
		this.catalog = catalog;
	}

	/** What a new payment carries, so that it can be recognised later. */
	Map<String, String> metadataFor(Order order) {
		return Map.of(STORE_ID, catalog.id(), ITEM_ID, order.item().id(), QUANTITY, Integer.toString(order.quantity()),
				AMOUNT, Long.toString(order.amount()), CURRENCY, order.currency());
	}

	/** The purchase a payment is for, or empty when this store did not create it as it stands. */
	public Optional<Purchase> purchaseOf(PaymentIntent intent) {
		Map<String, String> metadata = intent.getMetadata();
		if (metadata == null || !catalog.id().equals(metadata.get(STORE_ID))) {
			return Optional.empty();
		}
		Optional<Item> item = catalog.find(metadata.get(ITEM_ID));
		Integer quantity = wholeNumber(metadata.get(QUANTITY), catalog.maxQuantity());
		Integer amount = wholeNumber(metadata.get(AMOUNT), Integer.MAX_VALUE);
		boolean chargedAsPriced = amount != null && Long.valueOf(amount).equals(intent.getAmount())
				&& metadata.get(CURRENCY) != null && metadata.get(CURRENCY).equals(intent.getCurrency());
		if (item.isEmpty() || quantity == null || !chargedAsPriced) {
			return Optional.empty();
		}
		return Optional.of(new Purchase(intent.getId(), item.get().id(), quantity, intent.getAmount(),
				intent.getCurrency(), intent.getReceiptEmail()));
	}

	/** Whether a payment's JSON, too broken to read as a PaymentIntent, still names this store in its metadata. */
	public boolean namesThisStore(JsonNode payment) {
		return catalog.id().equals(payment.path("metadata").path(STORE_ID).asString(null));
	}

	/** A number from 1 to max written as plain digits, or null. */
	private static Integer wholeNumber(String text, int max) {
		if (text == null || !text.matches("[1-9][0-9]{0,9}")) {
			return null;
		}
		long value = Long.parseLong(text);
		return value <= max ? (int) value : null;
	}

}
