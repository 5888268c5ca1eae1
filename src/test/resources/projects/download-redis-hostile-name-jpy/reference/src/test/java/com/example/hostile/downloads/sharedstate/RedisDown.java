package com.example.hostile.downloads.sharedstate;

import com.example.hostile.downloads.ratelimit.BucketsInMemory;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Shared state whose Redis is down (nothing listens on port 1): for tests of the in-memory fallback. */
public final class RedisDown {

	private RedisDown() {
	}

	public static SharedBuckets sharedBuckets() {
		LettuceConnectionFactory nowhere = new LettuceConnectionFactory("127.0.0.1", 1);
		nowhere.afterPropertiesSet();
		return new SharedBuckets(nowhere, new RedisOutage(), new BucketsInMemory());
	}

}
