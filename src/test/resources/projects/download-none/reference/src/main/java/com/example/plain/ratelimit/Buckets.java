package com.example.plain.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * Where {@link RateLimiter} keeps its token buckets (Bucket4j): {@link BucketsInMemory}, each
 * instance counting on its own; in a store generated with {@code -DsharedState=redis}, Redis, so
 * that every instance behind a load balancer counts against the same limits.
 */
public interface Buckets {

	/**
	 * Takes one token from the bucket of {@code key} (a client, say) under the limit named
	 * {@code name}; the probe says whether there was one, and how long until the next.
	 */
	ConsumptionProbe tryConsume(String name, String key, RateLimits.Limit limit);

}
