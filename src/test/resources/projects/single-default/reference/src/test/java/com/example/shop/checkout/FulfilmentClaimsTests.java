package com.example.shop.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.example.shop.checkout.FulfilmentClaims.Claim;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** How long claims are kept: memory must not grow with every payment the store ever took. */
class FulfilmentClaimsTests {

	static final Duration REMEMBERED = Duration.ofMinutes(10);

	/** A clock the test moves forward. */
	static final class TestClock extends Clock {

		Instant now = Instant.parse("2026-01-01T12:00:00Z");

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

	TestClock clock = new TestClock();

	FulfilmentClaims claims = new FulfilmentClaims(REMEMBERED, clock);

	@Test
	void whoeverComesSecondGetsTheFirstClaim() {
		Claim first = new Claim();

		assertThat(claims.claim("pi_1", first)).isNull();
		assertThat(claims.claim("pi_1", new Claim())).isSameAs(first);
		assertThat(claims.claim("pi_2", new Claim())).isNull();
	}

	@Test
	void aFulfilledPaymentIsRememberedForTheWindowThenForgotten() {
		Claim first = new Claim();
		claims.claim("pi_1", first);
		claims.fulfilled(first, true);

		clock.now = clock.now.plus(REMEMBERED).minusSeconds(1);
		assertThat(claims.claim("pi_1", new Claim())).isSameAs(first);

		clock.now = clock.now.plusSeconds(1);
		assertThat(claims.claim("pi_1", new Claim())).isNull();
	}

	@Test
	void forgottenPaymentsLeaveMemory() {
		for (String id : new String[] { "pi_1", "pi_2", "pi_3" }) {
			Claim claim = new Claim();
			claims.claim(id, claim);
			claims.fulfilled(claim, true);
		}
		assertThat(claims.size()).isEqualTo(3);

		clock.now = clock.now.plus(REMEMBERED).plus(Duration.ofMinutes(1));
		claims.claim("pi_4", new Claim());

		assertThat(claims.size()).isEqualTo(1);
	}

	@Test
	void aPaymentBeingFulfilledIsNeverForgotten() {
		Claim first = new Claim();
		claims.claim("pi_1", first);

		clock.now = clock.now.plus(Duration.ofDays(1));

		assertThat(claims.claim("pi_1", new Claim())).isSameAs(first);
	}

	@Test
	void aFailedFulfilmentIsForgottenAtOnceAndItsWaitersFailToo() {
		Claim first = new Claim();
		claims.claim("pi_1", first);

		claims.release("pi_1", first, new IllegalStateException("postPurchase failed"));

		assertThatIllegalStateException().isThrownBy(first::awaitFulfilled);
		assertThat(claims.claim("pi_1", new Claim())).isNull();
	}

	@Test
	void waitersLearnWhetherStripeHasTheMark() {
		Claim marked = new Claim();
		Claim unmarked = new Claim();
		claims.claim("pi_1", marked);
		claims.claim("pi_2", unmarked);

		claims.fulfilled(marked, true);
		claims.fulfilled(unmarked, false);

		assertThat(marked.awaitFulfilled()).isTrue();
		assertThat(unmarked.awaitFulfilled()).isFalse();
	}

}
