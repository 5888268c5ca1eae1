package com.example.shop.ratelimit;

import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A limit that a feature puts on a path of its own: declare one as a bean, and {@link RateLimiter}
 * counts the requests to {@code path} as it counts its own, refusing those over the limit with 429,
 * a Retry-After and the words of {@code messageCode}, before they are handled.
 *
 * @param what what one request is, for the log ("form request")
 * @param keyOf who a request counts against: its client ({@link RateLimitKey#client}), or what else
 * the request holds (an address typed into a form); a request it answers null for is not counted
 */
public record RequestLimit(String path, String what, RateLimits.Limit limit, String messageCode,
		Function<HttpServletRequest, String> keyOf) {

	/** A limit per client address on every request to the path. */
	public RequestLimit(String path, String what, RateLimits.Limit limit, String messageCode) {
		this(path, what, limit, messageCode, RateLimitKey::client);
	}

}
