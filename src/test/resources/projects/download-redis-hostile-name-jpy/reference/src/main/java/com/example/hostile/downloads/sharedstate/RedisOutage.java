package com.example.hostile.downloads.sharedstate;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Whether Redis answered lately. While it does not, the store keeps selling: rate limits (and a
 * download store's download counts) count in this instance's memory and fulfilment falls back to
 * Stripe's mark (at least once). Redis is
 * asked again {@link #RETRY_AFTER} after it last failed, so that a Redis that is down costs one
 * timeout every few seconds, not one per request; a WARN says so once a minute at most.
 */
@Component
public class RedisOutage {

	private static final Logger log = LoggerFactory.getLogger(RedisOutage.class);

	static final Duration RETRY_AFTER = Duration.ofSeconds(2);

	private static final Duration WARN_EVERY = Duration.ofMinutes(1);

	private long retryAt;

	private long warnedAt;

	private boolean down;

	/** True while Redis failed less than {@link #RETRY_AFTER} ago: do without it for now. */
	public synchronized boolean isDown() {
		return this.down && System.nanoTime() - this.retryAt < 0;
	}

	public synchronized void failed(String what, RuntimeException ex) {
		long now = System.nanoTime();
		this.retryAt = now + RETRY_AFTER.toNanos();
		if (!this.down || now - this.warnedAt > WARN_EVERY.toNanos()) {
			this.warnedAt = now;
			log.warn("Redis does not answer ({}: {}); the store counts and claims in this instance's memory"
					+ " until it does", what, ex.getClass().getSimpleName());
		}
		this.down = true;
	}

	public synchronized void answered() {
		if (this.down) {
			this.down = false;
			log.info("Redis answers again: counts and claims are shared again");
		}
	}

}
