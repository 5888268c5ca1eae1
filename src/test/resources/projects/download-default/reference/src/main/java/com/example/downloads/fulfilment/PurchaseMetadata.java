package com.example.downloads.fulfilment;

import java.util.Map;
import java.util.Optional;

import com.example.downloads.Order;
import com.example.downloads.Purchase;
import com.example.downloads.catalog.Catalog;
import com.example.downloads.catalog.Item;
import com.stripe.model.checkout.Session;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * The metadata that marks a Checkout Session as a purchase of this store's: written when the
 * session is created, and read back to tell this store's sessions apart from everything else of
 * the Stripe account. The webhook hears all of the account's sessions (payment links, another
 * store), and a receipt or download link names a session by its id, so each is checked here before
 * it is fulfilled, shown or downloaded.
 *
 * <p>A session is this store's when its metadata, written at creation, names this store
 * ({@code store.id}), an item of the catalog and a quantity the store sells, and when its
 * subtotal (before promotion codes and tax, in the store's own currency even where Adaptive
 * Pricing converted it) is exactly what the store priced. Only the account's own API keys and
 * Dashboard can write metadata.
 */
@Component
public class PurchaseMetadata {

	static final String STORE_ID = "store_id";

	static final String ITEM_ID = "item_id";

	static final String QUANTITY = "quantity";

	static final String SUBTOTAL = "subtotal";

	static final String CURRENCY = "currency";

	private final Catalog catalog;

	PurchaseMetadata(Catalog catalog) {
		this.catalog = catalog;
	}

	/** What a new session (and its payment) carries, so that it can be recognised later. */
	public Map<String, String> metadataFor(Order order) {
		return Map.of(STORE_ID, catalog.id(), ITEM_ID, order.item().id(), QUANTITY, Integer.toString(order.quantity()),
				SUBTOTAL, Long.toString(order.subtotal()), CURRENCY, order.currency());
	}

	/** The purchase a session is for, or empty when this store did not create it as it stands. */
	public Optional<Purchase> purchaseOf(Session session) {
		Map<String, String> metadata = session.getMetadata();
		if (metadata == null || !catalog.id().equals(metadata.get(STORE_ID))) {
			return Optional.empty();
		}
		Optional<Item> item = catalog.find(metadata.get(ITEM_ID));
		Long quantity = wholeNumber(metadata.get(QUANTITY), catalog.maxQuantity());
		Long subtotal = wholeNumber(metadata.get(SUBTOTAL), Long.MAX_VALUE);
		// With Adaptive Pricing the buyer may pay in their own currency, but the session keeps the
		// store's: its amount_subtotal and currency are what this store asked for.
		if (item.isEmpty() || quantity == null || subtotal == null || !subtotal.equals(session.getAmountSubtotal())
				|| !item.get().currency().equals(metadata.get(CURRENCY))
				|| !metadata.get(CURRENCY).equals(session.getCurrency())) {
			return Optional.empty();
		}
		String email = session.getCustomerDetails() == null ? null : session.getCustomerDetails().getEmail();
		return Optional.of(new Purchase(session.getId(), item.get().id(), quantity.intValue(),
				session.getAmountTotal() == null ? 0 : session.getAmountTotal(), session.getCurrency(), email));
	}

	/** The purchase of a complete and paid (or free) session of this store's, or empty. */
	public Optional<Purchase> paidPurchaseOf(Session session) {
		boolean paid = "paid".equals(session.getPaymentStatus())
				|| "no_payment_required".equals(session.getPaymentStatus());
		return "complete".equals(session.getStatus()) && paid ? purchaseOf(session) : Optional.empty();
	}

	/** Whether a session's JSON, too broken to read as a Session, still names this store in its metadata. */
	public boolean namesThisStore(JsonNode session) {
		return catalog.id().equals(session.path("metadata").path(STORE_ID).asString(null));
	}

	/** A number from 1 to max written as plain digits, or null. */
	private static Long wholeNumber(String text, long max) {
		if (text == null || !text.matches("[1-9][0-9]{0,17}")) {
			return null;
		}
		long value = Long.parseLong(text);
		return value <= max ? value : null;
	}

}
