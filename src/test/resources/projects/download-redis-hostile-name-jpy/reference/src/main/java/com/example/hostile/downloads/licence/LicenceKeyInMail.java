package com.example.hostile.downloads.licence;

import java.util.Map;

import com.example.hostile.downloads.Purchase;
import com.example.hostile.downloads.mail.PurchaseMailContributor;
import com.stripe.model.checkout.Session;

import org.springframework.stereotype.Component;

/** Puts the buyer's licence key in their e-mails (templates/licence/mail.ftlh and .ftl). */
@Component
class LicenceKeyInMail implements PurchaseMailContributor {

	private final LicenceKeys keys;

	LicenceKeyInMail(LicenceKeys keys) {
		this.keys = keys;
	}

	@Override
	public String template() {
		return "licence/mail";
	}

	@Override
	public void contribute(Purchase purchase, Session session, String storeUrl, Map<String, Object> model) {
		model.put("licenceKey", keys.keyFor(purchase.id()));
	}

}
