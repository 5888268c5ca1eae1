package com.example.hostile.downloads.download;

import java.util.Map;
import java.util.Optional;

import com.example.hostile.downloads.Purchase;
import com.example.hostile.downloads.receipt.ReceiptAddition;
import com.stripe.model.checkout.Session;

import org.springframework.stereotype.Component;

/**
 * Puts a fresh download link on the receipt page of a paid purchase (templates/download/receipt.ftlh).
 * Opening the receipt again gives a new link, so an expired link never means a lost purchase.
 * With a {@link DownloadLimit}, it offers no link once the purchase has no downloads left.
 */
@Component
class ReceiptDownloadLink implements ReceiptAddition {

	private final DownloadLinks links;

	private final Optional<DownloadLimit> limit;

	ReceiptDownloadLink(DownloadLinks links, Optional<DownloadLimit> limit) {
		this.links = links;
		this.limit = limit;
	}

	@Override
	public String template() {
		return "download/receipt.ftlh";
	}

	@Override
	public void addTo(Purchase purchase, Session session, Map<String, Object> model) {
		if (limit.isPresent() && !limit.get().anyLeft(session)) {
			return;
		}
		model.put("downloadUrl", links.pathFor(purchase.id(), purchase.itemId()));
	}

}
