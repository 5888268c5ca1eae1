package com.example.downloads.mail;

import java.time.Duration;
import java.util.Map;

import com.example.downloads.Purchase;
import com.example.downloads.download.DownloadLinks;
import com.example.downloads.download.DownloadProperties;
import com.stripe.model.checkout.Session;

import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;

/**
 * Puts a fresh download link in the buyer's e-mails (templates/mail/download.ftlh and .ftl), valid
 * for download.link-lifetime from when each is sent.
 */
@Component
class DownloadLinkInMail implements PurchaseMailContributor {

	private final DownloadLinks links;

	private final DownloadProperties settings;

	private final MessageSourceAccessor messages;

	DownloadLinkInMail(DownloadLinks links, DownloadProperties settings, MessageSourceAccessor messages) {
		this.links = links;
		this.settings = settings;
		this.messages = messages;
	}

	@Override
	public String template() {
		return "mail/download";
	}

	@Override
	public void contribute(Purchase purchase, Session session, String storeUrl, Map<String, Object> model) {
		model.put("downloadUrl", storeUrl + links.pathFor(purchase.id(), purchase.itemId()));
		model.put("downloadLifetime", inWords(settings.linkLifetime()));
	}

	/** 24h as "24 hours", 90m as "90 minutes": how long a link works, for the e-mail. */
	String inWords(Duration lifetime) {
		if (lifetime.toDays() >= 2 && lifetime.equals(Duration.ofDays(lifetime.toDays()))) {
			return messages.getMessage("duration.days", new Object[] { lifetime.toDays() });
		}
		if (lifetime.equals(Duration.ofHours(lifetime.toHours()))) {
			return messages.getMessage("duration.hours", new Object[] { lifetime.toHours() });
		}
		return messages.getMessage("duration.minutes", new Object[] { Math.max(1, lifetime.toMinutes()) });
	}

}
