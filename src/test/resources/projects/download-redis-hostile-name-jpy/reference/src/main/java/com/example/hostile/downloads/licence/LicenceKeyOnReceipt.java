package com.example.hostile.downloads.licence;

import java.util.Map;

import com.example.hostile.downloads.Purchase;
import com.example.hostile.downloads.receipt.ReceiptAddition;
import com.stripe.model.checkout.Session;

import org.springframework.stereotype.Component;

/**
 * Shows the buyer their licence key on the receipt of a paid purchase (templates/licence/receipt.ftlh);
 * once it is refunded or disputed, the receipt no longer shows it. The key is derived again each
 * time, so nothing is stored.
 */
@Component
class LicenceKeyOnReceipt implements ReceiptAddition {

	private final LicenceKeys keys;

	LicenceKeyOnReceipt(LicenceKeys keys) {
		this.keys = keys;
	}

	@Override
	public String template() {
		return "licence/receipt.ftlh";
	}

	@Override
	public void addTo(Purchase purchase, Session session, Map<String, Object> model) {
		model.put("licenceKey", keys.keyFor(purchase.id()));
	}

}
