package com.example.plain.mail;

import java.util.Map;

import com.example.plain.Purchase;
import com.stripe.model.checkout.Session;

/**
 * What another feature adds to the buyer's e-mail (the download link, say), without this package
 * knowing that feature: each bean of this type is asked while the e-mail is written, on each try.
 * {@code templates/mail/purchase.ftlh} and {@code .ftl} include the feature's own two templates,
 * which read the values it puts in the model.
 */
public interface PurchaseMailContributor {

	/**
	 * The feature's templates under templates/, without their ending: the HTML part includes
	 * {@code <name>.ftlh}, the text part {@code <name>.ftl}. Such as {@code "myfeature/mail"}.
	 */
	String template();

	/**
	 * @param session the purchase's Checkout Session, for what a feature recorded in its metadata
	 * @param storeUrl the store's absolute address without a trailing slash
	 * ({@code https://shop.example.com}), to make links with
	 * @param model what the templates read: put this feature's values in it
	 */
	void contribute(Purchase purchase, Session session, String storeUrl, Map<String, Object> model);

}
