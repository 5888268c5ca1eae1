package com.example.shop.sharedstate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import com.example.shop.ratelimit.Buckets;
import com.example.shop.ratelimit.BucketsInMemory;
import com.example.shop.ratelimit.RateLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;

import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Rate-limit buckets in Redis, shared by every instance of the store: Bucket4j's Lettuce proxy
 * manager, which updates a bucket with compare-and-swap, so two instances counting the same
 * client at once both count. One key per limit and client ({@code rate-limit:<limit>:<hash>});
 * the client (its IP address, or an address typed into a form) is stored only as a SHA-256 hash, and
 * each key expires once its bucket would be full again.
 *
 * <p>When Redis does not answer, the request is counted in this instance's memory
 * ({@link BucketsInMemory}), as a store without Redis would count it ({@link RedisOutage}).
 */
@Primary
@Component
public class SharedBuckets implements Buckets {

	private final LettuceConnectionFactory redis;

	private final RedisOutage outage;

	private final BucketsInMemory inMemory;

	private volatile ProxyManager<byte[]> buckets;

	SharedBuckets(LettuceConnectionFactory redis, RedisOutage outage, BucketsInMemory inMemory) {
		this.redis = redis;
		this.outage = outage;
		this.inMemory = inMemory;
	}

	@Override
	public ConsumptionProbe tryConsume(String name, String key, RateLimits.Limit limit) {
		if (!this.outage.isDown()) {
			try {
				BucketConfiguration configuration = BucketConfiguration.builder()
					.addLimit(Bandwidth.builder()
						.capacity(limit.attempts())
						.refillGreedy(limit.attempts(), limit.per())
						.build())
					.build();
				ConsumptionProbe probe = buckets().builder()
					.build(key(name, key), () -> configuration)
					.tryConsumeAndReturnRemaining(1);
				this.outage.answered();
				return probe;
			}
			catch (RedisException ex) {
				this.outage.failed("rate limits", ex);
			}
		}
		return inMemory.tryConsume(name, key, limit);
	}

	// Made on first use, not at start-up: the store starts while Redis is down, too.
	private ProxyManager<byte[]> buckets() {
		ProxyManager<byte[]> made = this.buckets;
		if (made == null) {
			synchronized (this) {
				if (this.buckets == null) {
					this.buckets = Bucket4jLettuce.casBasedBuilder((RedisClient) this.redis.getRequiredNativeClient())
						.expirationAfterWrite(
								ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
						.build();
				}
				made = this.buckets;
			}
		}
		return made;
	}

	private static byte[] key(String limit, String client) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(client.getBytes(StandardCharsets.UTF_8));
			return ("rate-limit:" + limit + ":" + HexFormat.of().formatHex(hash)).getBytes(StandardCharsets.UTF_8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
