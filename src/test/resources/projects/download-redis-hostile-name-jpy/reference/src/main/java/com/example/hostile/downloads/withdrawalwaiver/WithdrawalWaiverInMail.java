package com.example.hostile.downloads.withdrawalwaiver;

import java.util.Map;

import com.example.hostile.downloads.Purchase;
import com.example.hostile.downloads.mail.PurchaseMailContributor;
import com.stripe.model.checkout.Session;

import org.springframework.stereotype.Component;

/**
 * Repeats in the buyer's e-mail, their durable copy, the words of the waiver their session records
 * them accepting: what the session records, not what messages.properties says now, so that a
 * purchase is described as it was made.
 */
@Component
class WithdrawalWaiverInMail implements PurchaseMailContributor {

	@Override
	public String template() {
		return "withdrawalwaiver/mail";
	}

	@Override
	public void contribute(Purchase purchase, Session session, String storeUrl, Map<String, Object> model) {
		String accepted = session.getMetadata() == null ? null : session.getMetadata().get(WithdrawalWaiver.NAME);
		if (accepted != null && !accepted.isBlank()) {
			model.put("withdrawalWaiver", accepted);
		}
	}

}
