package com.example.hostile.downloads.mail;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.example.hostile.downloads.Purchase;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import com.example.hostile.downloads.fulfilment.PurchaseFulfilled;
import com.example.hostile.downloads.site.StoreAddress;
import com.stripe.model.checkout.Session;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mails the buyer after a purchase: what they bought, the total, and the link to their receipt
 * (plus what {@link PurchaseMailContributor}s add, such as a download link), on the store's own
 * address ({@link StoreAddress}), never on one a session or a request carried. Written from
 * {@code templates/mail/purchase.ftlh} (HTML, escaped) and {@code purchase.ftl} (plain text), sent
 * as one message with both, through {@link MailOutbox}.
 */
@Component
class PurchaseMail {

	private static final Logger log = LoggerFactory.getLogger(PurchaseMail.class);

	private final MailOutbox outbox;

	private final MailProperties settings;

	private final Catalog catalog;

	private final Configuration templates;

	private final List<PurchaseMailContributor> contributors;

	private final MessageSourceAccessor messages;

	private final StoreAddress storeAddress;

	PurchaseMail(MailOutbox outbox, MailProperties settings, Catalog catalog, Configuration templates,
			List<PurchaseMailContributor> contributors, MessageSourceAccessor messages, StoreAddress storeAddress) {
		this.outbox = outbox;
		this.settings = settings;
		this.catalog = catalog;
		this.templates = templates;
		this.contributors = contributors;
		this.messages = messages;
		this.storeAddress = storeAddress;
	}

	@EventListener
	void purchaseFulfilled(PurchaseFulfilled fulfilled) {
		Purchase purchase = fulfilled.purchase();
		if (!outbox.enabled()) {
			return;
		}
		if (purchase.email() == null || purchase.email().isBlank() || fulfilled.receiptUrl() == null) {
			log.warn("Purchase {} has no buyer's e-mail or receipt address at Stripe: no e-mail sent", purchase.id());
			return;
		}
		// Written on each try, so that its links are fresh when it finally goes.
		outbox.send(purchase.id(), message -> {
			Written written = write(purchase, fulfilled.session());
			MimeMessageHelper mail = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
			if (settings.from() != null) {
				mail.setFrom(settings.from());
			}
			mail.setTo(purchase.email());
			mail.setSubject(written.subject());
			// Plain text and HTML as alternatives: mail programs show the one they can.
			mail.setText(written.text(), written.html());
		});
	}

	Written write(Purchase purchase, Session session) throws IOException, TemplateException {
		Map<String, Object> model = model(purchase, session);
		return new Written(subject("mail.purchase.subject"), render("mail/purchase.ftl", model),
				render("mail/purchase.ftlh", model));
	}

	/** What both templates read about one purchase, the item's name exactly as the catalog has it. */
	Map<String, Object> model(Purchase purchase, Session session) {
		String storeUrl = storeAddress.baseUrl();
		Map<String, Object> model = new HashMap<>();
		model.put("storeName", catalog.name());
		model.put("itemName", catalog.find(purchase.itemId()).map(Item::name).orElse(purchase.itemId()));
		model.put("quantity", purchase.quantity());
		model.put("total", Item.formatMinorUnits(purchase.amountTotal(), purchase.currency(), catalog.locale()));
		model.put("receiptUrl", storeUrl + "/receipt/" + session.getId());
		model.put("purchaseId", purchase.id());
		contributors.forEach(contributor -> contributor.contribute(purchase, session, storeUrl, model));
		model.put("additions", contributors.stream().map(PurchaseMailContributor::template).toList());
		return model;
	}

	/** A subject line from messages.properties, with the store's name. */
	String subject(String code) {
		return messages.getMessage(code, new Object[] { catalog.name() });
	}

	String render(String template, Map<String, Object> model) throws IOException, TemplateException {
		StringWriter text = new StringWriter();
		templates.getTemplate(template).process(model, text);
		return text.toString();
	}

	record Written(String subject, String text, String html) {
	}

}
