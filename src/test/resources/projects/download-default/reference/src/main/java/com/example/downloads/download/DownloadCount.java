package com.example.downloads.download;

import com.example.downloads.stripe.RecentSessions;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionUpdateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * How many times a purchase has downloaded the file, when {@code download.max-downloads} limits
 * it. The count lives where the purchase does, in its Checkout Session's metadata at Stripe
 * ({@code downloads}), so it needs no database and every instance sees it. It is approximate: two
 * downloads started at the same moment can both read the same count, and each writes it plus one.
 */
@Component
class DownloadCount {

	private static final Logger log = LoggerFactory.getLogger(DownloadCount.class);

	static final String DOWNLOADS = "downloads";

	private final DownloadSettings settings;

	private final StripeClient stripe;

	private final RecentSessions sessions;

	DownloadCount(DownloadSettings settings, StripeClient stripe, RecentSessions sessions) {
		this.settings = settings;
		this.stripe = stripe;
		this.sessions = sessions;
	}

	boolean limited() {
		return settings.maxDownloads() > 0;
	}

	int max() {
		return settings.maxDownloads();
	}

	/** The downloads left to a purchase; only meaningful when {@link #limited()}. */
	int left(Session session) {
		return Math.max(0, settings.maxDownloads() - used(session));
	}

	/**
	 * Counts one download of the file at Stripe, and forgets the session here so that the next
	 * request reads the new count. The buyer has paid: if Stripe cannot be told, the file is served
	 * all the same, uncounted.
	 */
	void countOne(Session session) {
		try {
			stripe.v1()
				.checkout()
				.sessions()
				.update(session.getId(), SessionUpdateParams.builder()
					.putMetadata(DOWNLOADS, Integer.toString(used(session) + 1))
					.build());
		}
		catch (StripeException ex) {
			log.warn("Could not count a download of {} at Stripe: HTTP {} {}; served uncounted", session.getId(),
					ex.getStatusCode(), ex.getCode());
		}
		finally {
			sessions.forget(session.getId());
		}
	}

	private static int used(Session session) {
		String count = session.getMetadata() == null ? null : session.getMetadata().get(DOWNLOADS);
		return count != null && count.matches("[0-9]{1,9}") ? Integer.parseInt(count) : 0;
	}

}
