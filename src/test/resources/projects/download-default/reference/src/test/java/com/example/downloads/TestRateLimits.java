package com.example.downloads;

import java.time.Duration;
import java.util.UUID;

import com.example.downloads.ratelimit.Buckets;
import com.example.downloads.ratelimit.RateLimits;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;

/**
 * Rate limits a test sets for itself in the store of {@link StoreTest}, whose own limits are out of
 * reach (src/test/resources/application.properties) so that the other tests' many checkouts from
 * one address get through. Low limits in rate-limits.* settings would start a Spring context of
 * their own for a handful of tests; instead, the store's {@link Buckets} are a Mockito spy
 * ({@link StoreTest}), and {@link #set} makes it count one limit, until the test ends, at the size
 * given and in buckets of the test's own: fresh, so that the test counts from zero, and left behind
 * with it, so that no other test finds them used up. All else is the store's: the limiter that
 * counts, the paths it guards, its 429 and Retry-After, and the buckets' own code (Redis, in a
 * store that shares state). That the rate-limits.* settings reach the limiter is
 * ratelimit/RateLimiterTests' part.
 */
public final class TestRateLimits {

	/** The names the limiter (ratelimit/RateLimiter) counts its own limits under. */
	public static final String CHECKOUT_PER_CLIENT = "checkout";

	public static final String CHECKOUT_ALL_CLIENTS = "checkout-all-clients";

	public static final String RECEIPTS_PER_CLIENT = "receipt";

	private TestRateLimits() {
	}

	/**
	 * Until the test ends (Spring resets the spy after it), the limit named allows {@code attempts}
	 * per {@code per}; {@code buckets} is the store's, injected ({@code @Autowired Buckets}).
	 */
	public static void set(Buckets buckets, String limitName, long attempts, Duration per) {
		RateLimits.Limit limit = new RateLimits.Limit(attempts, per);
		String bucketsOfThisTest = limitName + "-test-" + UUID.randomUUID();
		// The spy's own method, under another name: no stub matches that, so the store's code counts.
		doAnswer(call -> buckets.tryConsume(bucketsOfThisTest, call.getArgument(1), limit)).when(buckets)
			.tryConsume(eq(limitName), anyString(), any());
	}

}
