package com.example.posters.checkout;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.example.posters.checkout.FulfilmentClaims.Claim;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** How long claims are kept: memory must not grow with every payment the store ever took. */
class FulfilmentClaimsTests {

	static final Duration REMEMBERED = Duration.ofMinutes(10);

	/** Nanoseconds of the cache's clock, moved forward by the test. */
	final AtomicLong now = new AtomicLong();

	FulfilmentClaims claims = new FulfilmentClaims(REMEMBERED, now::get);

	void wait(Duration time) {
		now.addAndGet(time.toNanos());
	}

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
		claims.fulfilled("pi_1", first, true);

		wait(REMEMBERED.minusSeconds(1));
		assertThat(claims.claim("pi_1", new Claim())).isSameAs(first);

		wait(Duration.ofSeconds(1));
		assertThat(claims.claim("pi_1", new Claim())).isNull();
	}

	@Test
	void forgottenPaymentsLeaveMemory() {
		for (String id : new String[] { "pi_1", "pi_2", "pi_3" }) {
			Claim claim = new Claim();
			claims.claim(id, claim);
			claims.fulfilled(id, claim, true);
		}
		assertThat(claims.size()).isEqualTo(3L);

		wait(REMEMBERED.plus(Duration.ofMinutes(1)));
		claims.claim("pi_4", new Claim());

		assertThat(claims.size()).isEqualTo(1L);
	}

	@Test
	void aPaymentBeingFulfilledIsNeverForgotten() {
		Claim first = new Claim();
		claims.claim("pi_1", first);

		wait(Duration.ofDays(1));

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

		claims.fulfilled("pi_1", marked, true);
		claims.fulfilled("pi_2", unmarked, false);

		assertThat(marked.awaitFulfilled()).isTrue();
		assertThat(unmarked.awaitFulfilled()).isFalse();
	}

}
