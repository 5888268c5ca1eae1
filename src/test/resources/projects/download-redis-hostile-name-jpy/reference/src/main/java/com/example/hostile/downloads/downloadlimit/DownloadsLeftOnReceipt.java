package com.example.hostile.downloads.downloadlimit;

import java.util.Map;

import com.example.hostile.downloads.Purchase;
import com.example.hostile.downloads.receipt.ReceiptAddition;
import com.stripe.model.checkout.Session;

import org.springframework.stereotype.Component;

/** Says on a paid purchase's receipt how many downloads it has left, or that it has used them up. */
@Component
class DownloadsLeftOnReceipt implements ReceiptAddition {

	private final DownloadAllowance allowance;

	DownloadsLeftOnReceipt(DownloadAllowance allowance) {
		this.allowance = allowance;
	}

	@Override
	public String template() {
		return "downloadlimit/receipt.ftlh";
	}

	@Override
	public void addTo(Purchase purchase, Session session, Map<String, Object> model) {
		model.put("downloadsLeft", allowance.left(session));
		model.put("maxDownloads", allowance.max(session));
	}

}
