package com.example.hostile.downloads.downloadlimit;

import com.example.hostile.downloads.stripe.SessionCache;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionUpdateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The whole downloads of a purchase on record at Stripe, in its Checkout Session's metadata
 * ({@code downloads}): the count outlives a restart of the store (and reaches the other instances
 * of one without Redis) with no database. {@link DownloadAllowance} keeps the exact count, in
 * bytes, and writes here each time it passes one more whole file: a few calls per purchase at
 * most. The seller gives a purchase more downloads with {@code extra_downloads}, which the store
 * only reads.
 */
@Component
class DownloadCount {

	private static final Logger log = LoggerFactory.getLogger(DownloadCount.class);

	static final String DOWNLOADS = "downloads";

	// Set by the seller, never by the store: downloads this purchase gets on top of max-downloads.
	static final String EXTRA_DOWNLOADS = "extra_downloads";

	private final StripeClient stripe;

	private final SessionCache sessions;

	DownloadCount(StripeClient stripe, SessionCache sessions) {
		this.stripe = stripe;
		this.sessions = sessions;
	}

	/** The whole downloads Stripe has on record for the purchase. */
	int recorded(Session session) {
		return number(session, DOWNLOADS);
	}

	/** The downloads the seller gave the purchase on top of download-limit.max-downloads. */
	int extra(Session session) {
		return number(session, EXTRA_DOWNLOADS);
	}

	/**
	 * Records the whole downloads at Stripe, and forgets the session here so that the next request
	 * reads the new count. The buyer has paid: if Stripe cannot be told, the count stays in the
	 * store's memory (or Redis) only.
	 */
	void record(Session session, long downloads) {
		try {
			stripe.v1()
				.checkout()
				.sessions()
				.update(session.getId(),
						SessionUpdateParams.builder().putMetadata(DOWNLOADS, Long.toString(downloads)).build());
		}
		catch (StripeException ex) {
			log.warn("Could not record the downloads of {} at Stripe: HTTP {} {}", session.getId(), ex.getStatusCode(),
					ex.getCode());
		}
		finally {
			sessions.forget(session.getId());
		}
	}

	private static int number(Session session, String key) {
		String number = session.getMetadata() == null ? null : session.getMetadata().get(key);
		return number != null && number.matches("[0-9]{1,6}") ? Integer.parseInt(number) : 0;
	}

}
