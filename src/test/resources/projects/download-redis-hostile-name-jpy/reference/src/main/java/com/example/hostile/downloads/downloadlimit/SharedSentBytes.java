package com.example.hostile.downloads.downloadlimit;

import java.util.List;

import com.example.hostile.downloads.sharedstate.RedisOutage;

import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The bytes of the file sent for each purchase, in Redis, so that the download limit holds across
 * every instance: one key per purchase ({@code download-bytes:<session>}), changed by a script
 * that Redis runs in one step, so requests that arrive together at different instances are
 * counted one after the other. The keys do not expire: each holds one number, for one purchase.
 *
 * <p>When Redis does not answer, each instance counts in its own memory ({@link SentBytesInMemory})
 * until it does ({@link RedisOutage}); Stripe's record of whole downloads still reaches them all.
 */
@Primary
@Component
public class SharedSentBytes implements SentBytes {

	// Adds ARGV[1] bytes if the total stays within ARGV[2]; a new key starts from ARGV[3].
	private static final RedisScript<Long> TRY_ADD = RedisScript.of("""
			local sent = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), tonumber(ARGV[3]))
			local total = sent + tonumber(ARGV[1])
			if total > tonumber(ARGV[2]) then
				return -1
			end
			redis.call('SET', KEYS[1], string.format('%d', total))
			return total
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisOutage outage;

	private final SentBytesInMemory inMemory;

	SharedSentBytes(StringRedisTemplate redis, RedisOutage outage, SentBytesInMemory inMemory) {
		this.redis = redis;
		this.outage = outage;
		this.inMemory = inMemory;
	}

	@Override
	public long tryAdd(String sessionId, long bytes, long atMost, long atLeast) {
		if (!this.outage.isDown()) {
			try {
				Long total = this.redis.execute(TRY_ADD, List.of(key(sessionId)), Long.toString(bytes),
						Long.toString(atMost), Long.toString(atLeast));
				this.outage.answered();
				return total;
			}
			catch (DataAccessException ex) {
				this.outage.failed("download counts", ex);
			}
		}
		return this.inMemory.tryAdd(sessionId, bytes, atMost, atLeast);
	}

	@Override
	public long add(String sessionId, long bytes) {
		if (!this.outage.isDown()) {
			try {
				Long total = this.redis.opsForValue().increment(key(sessionId), bytes);
				this.outage.answered();
				return total;
			}
			catch (DataAccessException ex) {
				this.outage.failed("download counts", ex);
			}
		}
		return this.inMemory.add(sessionId, bytes);
	}

	@Override
	public long sent(String sessionId, long atLeast) {
		if (!this.outage.isDown()) {
			try {
				String sent = this.redis.opsForValue().get(key(sessionId));
				this.outage.answered();
				return Math.max(sent == null ? 0 : Long.parseLong(sent), atLeast);
			}
			catch (DataAccessException ex) {
				this.outage.failed("download counts", ex);
			}
		}
		return this.inMemory.sent(sessionId, atLeast);
	}

	private static String key(String sessionId) {
		return "download-bytes:" + sessionId;
	}

}
