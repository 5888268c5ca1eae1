package com.example.downloads.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.example.downloads.Purchase;
import com.example.downloads.catalog.Catalog;
import com.example.downloads.fulfilment.PurchaseMetadata;
import com.stripe.model.checkout.Session;

import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The e-mail "Lost your link?" sends: each paid purchase of the address with a fresh download link
 * and its receipt (and what other {@link PurchaseMailContributor}s add, as in the purchase's own
 * e-mail). Written from {@code templates/mail/lost-link.ftlh} and {@code lost-link.ftl}.
 */
@Component
public class LostLinkMail {

	private final MailOutbox outbox;

	private final MailProperties settings;

	private final Catalog catalog;

	private final PurchaseMetadata purchaseMetadata;

	private final PurchaseMail purchaseMail;

	LostLinkMail(MailOutbox outbox, MailProperties settings, Catalog catalog, PurchaseMetadata purchaseMetadata,
			PurchaseMail purchaseMail) {
		this.outbox = outbox;
		this.settings = settings;
		this.catalog = catalog;
		this.purchaseMetadata = purchaseMetadata;
		this.purchaseMail = purchaseMail;
	}

	public boolean enabled() {
		return outbox.enabled();
	}

	/** Queues one e-mail to {@code email} about these paid sessions of this store's; returns at once. */
	public void send(String email, List<Session> paidSessions) {
		String purchaseIds = paidSessions.stream().map(Session::getId).collect(Collectors.joining(", "));
		outbox.send(purchaseIds, message -> {
			// Written on each try, so that its links are fresh when it finally goes.
			Map<String, Object> model = Map.of("storeName", catalog.name(), "purchases", purchases(paidSessions));
			MimeMessageHelper mail = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
			if (settings.from() != null) {
				mail.setFrom(settings.from());
			}
			mail.setTo(email);
			mail.setSubject(purchaseMail.subject("mail.lostLink.subject"));
			mail.setText(purchaseMail.render("mail/lost-link.ftl", model),
					purchaseMail.render("mail/lost-link.ftlh", model));
		});
	}

	/** What the templates read about each purchase: the same as the purchase's own e-mail. */
	private List<Map<String, Object>> purchases(List<Session> paidSessions) {
		List<Map<String, Object>> purchases = new ArrayList<>();
		for (Session session : paidSessions) {
			Purchase purchase = purchaseMetadata.purchaseOf(session).orElseThrow();
			purchases.add(purchaseMail.model(purchase, session));
		}
		return purchases;
	}

}
