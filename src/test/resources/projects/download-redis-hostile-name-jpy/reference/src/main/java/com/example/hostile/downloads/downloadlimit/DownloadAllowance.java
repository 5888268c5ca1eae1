package com.example.hostile.downloads.downloadlimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.example.hostile.downloads.download.DownloadLimit;
import com.example.hostile.downloads.download.DownloadProperties;
import com.stripe.model.checkout.Session;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import static com.example.hostile.downloads.site.StoreLanguage.refusal;

/**
 * How much of the file a purchase may still receive ({@code download-limit.max-downloads}). The
 * store counts the bytes it sends for each purchase, not the requests: a whole file is
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
class DownloadAllowance implements DownloadLimit {

	private final DownloadProperties download;

	private final DownloadLimitProperties settings;

	private final SentBytes sent;

	private final DownloadCount count;

	DownloadAllowance(DownloadProperties download, DownloadLimitProperties settings, SentBytes sent,
			DownloadCount count) {
		this.download = download;
		this.settings = settings;
		this.sent = sent;
		this.count = count;
	}

	/** The downloads a purchase may make: download-limit.max-downloads, and any the seller added. */
	int max(Session session) {
		return settings.maxDownloads() + count.extra(session);
	}

	/** The whole downloads left to a purchase. */
	long left(Session session) {
		long fileSize = fileSize();
		long sentSoFar = sent.sent(session.getId(), count.recorded(session) * fileSize);
		return Math.max(0, (allowed(session, fileSize) - sentSoFar) / fileSize);
	}

	/**
	 * Claims the bytes the request asks for before its answer starts, and gives back what the
	 * answer did not send once the request is over (a connection that broke off).
	 */
	@Override
	public Resource serve(Session session, Path file, HttpHeaders request) throws IOException {
		ServedFile served = new ServedFile(file);
		long claimed = served.bytesAsked(request);
		claim(session, claimed);
		// Runs when the request is over: the answer written, or broken off.
		RequestContextHolder.currentRequestAttributes()
			.registerDestructionCallback(DownloadAllowance.class.getName(),
					() -> settle(session, claimed, served.bytesRead()), RequestAttributes.SCOPE_REQUEST);
		return served;
	}

	/** Claims {@code bytes} for an answer about to start, or refuses when the purchase has not that many left. */
	void claim(Session session, long bytes) {
		long fileSize = fileSize();
		if (sent.tryAdd(session.getId(), bytes, allowed(session, fileSize), count.recorded(session) * fileSize) < 0) {
			throw refusal(HttpStatus.FORBIDDEN, "receipt.downloadsUsedUp", max(session));
		}
	}

	@Override
	public boolean anyLeft(Session session) {
		return left(session) > 0;
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
			return Math.max(1, Files.size(download.file()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
