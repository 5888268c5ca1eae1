package com.example.downloads.download;

import java.util.Map;

import com.example.downloads.Purchase;
import com.example.downloads.receipt.ReceiptAddition;
import com.stripe.model.checkout.Session;

import org.springframework.stereotype.Component;

/**
 * Puts a fresh download link on the receipt page of a paid purchase (templates/download/receipt.ftlh).
 * Opening the receipt again gives a new link, so an expired link never means a lost purchase.
 * With {@code download.max-downloads} the page also says how many downloads are left, and offers
 * no link once none are.
 */
@Component
class ReceiptDownloadLink implements ReceiptAddition {

	private final DownloadLinks links;

	private final DownloadAllowance allowance;

	ReceiptDownloadLink(DownloadLinks links, DownloadAllowance allowance) {
		this.links = links;
		this.allowance = allowance;
	}

	@Override
	public String template() {
		return "download/receipt.ftlh";
	}

	@Override
	public void addTo(Purchase purchase, Session session, Map<String, Object> model) {
		if (allowance.limited()) {
			long left = allowance.left(session);
			model.put("downloadsLeft", left);
			model.put("maxDownloads", allowance.max(session));
			if (left == 0) {
				return;
			}
		}
		model.put("downloadUrl", links.pathFor(purchase.id(), purchase.itemId()));
	}

}
