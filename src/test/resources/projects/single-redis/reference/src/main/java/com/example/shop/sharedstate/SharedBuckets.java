package com.example.shop.sharedstate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Rate-limit buckets in Redis, shared by every instance of the store: Bucket4j's Lettuce proxy
 * manager, which updates a bucket with compare-and-swap, so two instances counting the same
 * client at once both count. One key per limit and client ({@code rate-limit:<limit>:<hash>});
 * the client (an address, or an e-mail typed into a form) is stored only as a SHA-256 hash, and
 * each key expires once its bucket would be full again.
 *
 * <p>When Redis does not answer, the request is counted in the in-memory bucket the caller gives,
 * as a store without Redis would count it ({@link RedisOutage}).
 */
@Component
public class SharedBuckets {

	private final LettuceConnectionFactory redis;

	private final RedisOutage outage;

	private volatile ProxyManager<byte[]> buckets;

	SharedBuckets(LettuceConnectionFactory redis, RedisOutage outage) {
		this.redis = redis;
		this.outage = outage;
	}

	/** Takes one token for {@code client} under {@code limit}: in Redis, or in {@code inMemory} without it. */
	public ConsumptionProbe tryConsume(String limit, String client, long attempts, Duration per,
			Supplier<Bucket> inMemory) {
		if (!this.outage.isDown()) {
			try {
				BucketConfiguration configuration = BucketConfiguration.builder()
					.addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, per).build())
					.build();
				ConsumptionProbe probe = buckets().builder()
					.build(key(limit, client), () -> configuration)
					.tryConsumeAndReturnRemaining(1);
				this.outage.answered();
				return probe;
			}
			catch (RedisException ex) {
				this.outage.failed("rate limits", ex);
			}
		}
		return inMemory.get().tryConsumeAndReturnRemaining(1);
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
