package com.example.hostile.downloads.downloadlimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * The bytes sent for each purchase, in this instance's memory: each purchase's count changes
 * under its own lock, so requests that arrive together are counted one after the other. Kept for
 * the last 100,000 purchases downloaded; Stripe keeps the whole downloads for longer
 * ({@link DownloadCount}).
 */
@Component
public class SentBytesInMemory implements SentBytes {

	private static final int PURCHASES_REMEMBERED = 100_000;

	private final Cache<String, Count> counts = Caffeine.newBuilder().maximumSize(PURCHASES_REMEMBERED).build();

	@Override
	public long tryAdd(String sessionId, long bytes, long atMost, long atLeast) {
		Count count = count(sessionId);
		synchronized (count) {
			long total = Math.max(count.bytes, atLeast) + bytes;
			if (total > atMost) {
				return -1;
			}
			count.bytes = total;
			return total;
		}
	}

	@Override
	public long add(String sessionId, long bytes) {
		Count count = count(sessionId);
		synchronized (count) {
			count.bytes += bytes;
			return count.bytes;
		}
	}

	@Override
	public long sent(String sessionId, long atLeast) {
		Count count = count(sessionId);
		synchronized (count) {
			return Math.max(count.bytes, atLeast);
		}
	}

	private Count count(String sessionId) {
		return counts.get(sessionId, id -> new Count());
	}

	private static final class Count {

		private long bytes;

	}

}
