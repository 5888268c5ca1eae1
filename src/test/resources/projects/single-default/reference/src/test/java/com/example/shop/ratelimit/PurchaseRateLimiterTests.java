package com.example.shop.ratelimit;

import java.time.Duration;

import com.example.shop.ratelimit.PurchaseLimits.Limit;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The limiter on its own: which attempts count against which budget. */
class PurchaseRateLimiterTests {

	final PurchaseRateLimiter limiter = new PurchaseRateLimiter(
			new PurchaseLimits(new Limit(3, Duration.ofMinutes(10)), new Limit(5, Duration.ofMinutes(1))));

	boolean attemptFrom(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/purchase");
		request.setRemoteAddr(address);
		return limiter.preHandle(request, new MockHttpServletResponse(), new Object());
	}

	@Test
	void oneAddressGetsItsAttemptsThenWaitsForTheBucketToRefill() {
		for (int i = 0; i < 3; i++) {
			assertThat(attemptFrom("203.0.113.1")).isTrue();
		}

		assertThatExceptionOfType(TooManyAttemptsException.class).isThrownBy(() -> attemptFrom("203.0.113.1"))
			.withMessageContaining("Too many payment attempts from your connection")
			// Ten minutes for three attempts: the next one comes back after about a third of that.
			.satisfies(ex -> assertThat(ex.retryAfter()).isBetween(Duration.ofMinutes(3), Duration.ofMinutes(4)));
	}

	@Test
	void anotherAddressHasItsOwnBudget() {
		for (int i = 0; i < 3; i++) {
			attemptFrom("203.0.113.1");
		}

		assertThat(attemptFrom("203.0.113.2")).isTrue();
	}

	@Test
	void theWholeStoreHasACeilingWhateverTheAddresses() {
		for (int i = 1; i <= 5; i++) {
			assertThat(attemptFrom("198.51.100." + i)).isTrue();
			limiter.admitToStripe();
		}

		assertThat(attemptFrom("198.51.100.6")).isTrue();
		assertThatExceptionOfType(TooManyAttemptsException.class).isThrownBy(limiter::admitToStripe)
			.withMessageContaining("too many payment attempts right now");
	}

	@Test
	void onlyAttemptsThatReachStripeCountAgainstTheStoresCeiling() {
		// Each address's own attempts are counted as they arrive, valid or not...
		for (int i = 1; i <= 50; i++) {
			assertThat(attemptFrom("198.51.100." + i)).isTrue();
		}

		// ...but the store's ceiling only by the ones about to reach Stripe.
		for (int i = 0; i < 5; i++) {
			limiter.admitToStripe();
		}
		assertThatExceptionOfType(TooManyAttemptsException.class).isThrownBy(limiter::admitToStripe);
	}

	@Test
	void ipv6AddressesCountByTheirSlash64Network() {
		for (int i = 1; i <= 3; i++) {
			attemptFrom("2001:db8:1:2::" + i);
		}

		// One customer of an internet provider gets a whole /64: new addresses in it do not help.
		assertThatExceptionOfType(TooManyAttemptsException.class).isThrownBy(() -> attemptFrom("2001:db8:1:2:ffff::9"));
		assertThat(attemptFrom("2001:db8:1:3::1")).isTrue();
	}

}
