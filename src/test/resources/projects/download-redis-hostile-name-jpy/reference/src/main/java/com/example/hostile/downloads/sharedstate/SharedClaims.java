package com.example.hostile.downloads.sharedstate;

import java.time.Duration;

import com.example.hostile.downloads.fulfilment.ClaimsAcrossInstances;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Fulfilment claims in Redis, so that {@code postPurchase} runs once per purchase across every
 * instance: the first to {@code SET fulfilment:<session> fulfilling NX PX} fulfils; after
 * postPurchase the value says whether Stripe has the fulfilled mark ({@code marked} or
 * {@code unmarked}) and the key is kept a while, like the in-memory claim; if postPurchase fails
 * the key is deleted, so that Stripe's retry can fulfil.
 *
 * <p>When Redis does not answer, {@link #take} says so and fulfilment goes on without it: at least
 * once, guarded by Stripe's mark, as between instances of a store without Redis.
 */
@Component
public class SharedClaims implements ClaimsAcrossInstances {

	private static final String FULFILLING = "fulfilling";

	private static final String MARKED = "marked";

	private static final String UNMARKED = "unmarked";

	private static final Duration POLL = Duration.ofMillis(50);

	private final StringRedisTemplate redis;

	private final RedisOutage outage;

	SharedClaims(StringRedisTemplate redis, RedisOutage outage) {
		this.redis = redis;
		this.outage = outage;
	}

	/** Claims the purchase for {@code ttl}: the longest a fulfilment may take, and the time it is remembered. */
	@Override
	public Holder take(String sessionId, Duration ttl) {
		if (this.outage.isDown()) {
			return Holder.UNKNOWN;
		}
		try {
			Boolean taken = this.redis.opsForValue().setIfAbsent(key(sessionId), FULFILLING, ttl);
			this.outage.answered();
			return Boolean.TRUE.equals(taken) ? Holder.THIS_CALLER : Holder.ELSEWHERE;
		}
		catch (DataAccessException ex) {
			this.outage.failed("fulfilment claims", ex);
			return Holder.UNKNOWN;
		}
	}

	/**
	 * Waits, at most {@code atMost}, until the instance that holds the claim has fulfilled the
	 * purchase, and returns whether Stripe has the mark. Throws if that fulfilment failed, or its
	 * end cannot be known: the webhook then answers 500 and Stripe delivers the event again.
	 */
	@Override
	public boolean awaitElsewhere(String sessionId, Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		try {
			String state = this.redis.opsForValue().get(key(sessionId));
			while (FULFILLING.equals(state) && System.nanoTime() - deadline < 0) {
				Thread.sleep(POLL.toMillis());
				state = this.redis.opsForValue().get(key(sessionId));
			}
			if (MARKED.equals(state) || UNMARKED.equals(state)) {
				return MARKED.equals(state);
			}
			throw new IllegalStateException("Another instance's fulfilment of this purchase failed or did not end");
		}
		catch (DataAccessException ex) {
			this.outage.failed("fulfilment claims", ex);
			throw new IllegalStateException("Redis stopped answering while another instance fulfilled this purchase",
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while another instance fulfilled this purchase", ex);
		}
	}

	/** postPurchase ran here: keep the claim {@code remembered}, saying whether Stripe has the mark. */
	@Override
	public void fulfilled(String sessionId, boolean markedAtStripe, Duration remembered) {
		try {
			this.redis.opsForValue().set(key(sessionId), markedAtStripe ? MARKED : UNMARKED, remembered);
		}
		catch (DataAccessException ex) {
			// The claim expires by itself; until then another instance waits for it, then fails
			// (and the webhook's retry finds it gone, and Stripe's mark decides).
			this.outage.failed("fulfilment claims", ex);
		}
	}

	/** postPurchase failed here: forget the claim, so that a retry on any instance can fulfil. */
	@Override
	public void release(String sessionId) {
		try {
			this.redis.delete(key(sessionId));
		}
		catch (DataAccessException ex) {
			this.outage.failed("fulfilment claims", ex);
		}
	}

	private static String key(String sessionId) {
		return "fulfilment:" + sessionId;
	}

}
