package com.example.downloads.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import com.stripe.model.checkout.Session;

import org.springframework.stereotype.Component;

/**
 * How much of the file a purchase may still receive when {@code download.max-downloads} limits
 * it. The store counts the bytes it sends for each purchase, not the requests: a whole file is
 * one download, and Range requests count the bytes they get, so no mix of ranges (one as long as
 * the file, ranges that overlap, several at once) gets more, and a download resumed where it
 * broke off still counts once.
 *
 * <p>A purchase may receive {@code max-downloads} times the file, and half a file to spare: a
 * download that breaks off and resumes is sent again what was on its way when the connection
 * broke. So it never gets one whole file more than the limit.
 *
 * <p>A request claims its bytes before its answer starts ({@link #claim}), in one step for all
 * the requests of a purchase ({@link SentBytes}), so downloads started together cannot all get
 * through; when the answer ends, what it did not send is given back ({@link #settle}).
 */
@Component
class DownloadAllowance {

	private final DownloadProperties settings;

	private final SentBytes sent;

	private final DownloadCount count;

	DownloadAllowance(DownloadProperties settings, SentBytes sent, DownloadCount count) {
		this.settings = settings;
		this.sent = sent;
		this.count = count;
	}

	boolean limited() {
		return settings.maxDownloads() > 0;
	}

	/** The downloads a purchase may make: download.max-downloads, and any the seller added. */
	int max(Session session) {
		return settings.maxDownloads() + count.extra(session);
	}

	/** The whole downloads left to a purchase. */
	long left(Session session) {
		long fileSize = fileSize();
		long sentSoFar = sent.sent(session.getId(), count.recorded(session) * fileSize);
		return Math.max(0, (allowed(session, fileSize) - sentSoFar) / fileSize);
	}

	/** Claims {@code bytes} for an answer about to start; false if the purchase has not that many left. */
	boolean claim(Session session, long bytes) {
		long fileSize = fileSize();
		return sent.tryAdd(session.getId(), bytes, allowed(session, fileSize),
				count.recorded(session) * fileSize) >= 0;
	}

	/**
	 * The answer has ended, having sent {@code sentBytes} of the {@code claimed}: gives back the
	 * rest, and records at Stripe a whole download more, if the purchase has passed one.
	 */
	void settle(Session session, long claimed, long sentBytes) {
		long total = sent.add(session.getId(), sentBytes - claimed);
		long downloads = total / fileSize();
		if (downloads > count.recorded(session)) {
			count.record(session, downloads);
		}
	}

	private long allowed(Session session, long fileSize) {
		return max(session) * fileSize + fileSize / 2;
	}

	// Read each time, so that a file replaced while the store runs is counted at its new size.
	private long fileSize() {
		try {
			return Math.max(1, Files.size(settings.file()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
