package com.example.plain.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * The buckets in this instance's memory: with several instances behind a load balancer, each
 * counts on its own. A bucket is forgotten once it has not been used for its limit's period (it
 * would be full again by then).
 */
@Component
public class BucketsInMemory implements Buckets {

	// Enough for every address seen within the period; the least recently seen go first, so a
	// flood of new addresses cannot exhaust the memory.
	private static final int MAX_KEYS_REMEMBERED = 100_000;

	private final Map<String, Cache<String, Bucket>> bucketsByLimit = new ConcurrentHashMap<>();

	@Override
	public ConsumptionProbe tryConsume(String name, String key, RateLimits.Limit limit) {
		Cache<String, Bucket> buckets = bucketsByLimit.computeIfAbsent(name,
				any -> Caffeine.newBuilder().maximumSize(MAX_KEYS_REMEMBERED).expireAfterAccess(limit.per()).build());
		return buckets.get(key, any -> bucket(limit)).tryConsumeAndReturnRemaining(1);
	}

	private static Bucket bucket(RateLimits.Limit limit) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(limit.attempts()).refillGreedy(limit.attempts(), limit.per()).build())
			.build();
	}

}
