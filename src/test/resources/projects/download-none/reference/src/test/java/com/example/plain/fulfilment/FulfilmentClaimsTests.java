package com.example.plain.fulfilment;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.example.plain.fulfilment.FulfilmentClaims.Claim;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The claims that keep postPurchase to one call per purchase in this instance, and how long they
 * are kept: memory must not grow with every purchase the store ever fulfilled.
 */
class FulfilmentClaimsTests {

	static final Duration REMEMBERED = Duration.ofMinutes(10);

	static final String SESSION = "cs_test_a1Claimed";

	static final String OTHER_SESSION = "cs_test_a1AnotherOne";

	/** Nanoseconds of the cache's clock, moved forward by the test. */
	final AtomicLong now = new AtomicLong();

	final FulfilmentClaims claims = new FulfilmentClaims(REMEMBERED, now::get);

	void wait(Duration time) {
		now.addAndGet(time.toNanos());
	}

	Claim fulfilled(String sessionId) {
		Claim claim = new Claim();
		claims.claim(sessionId, claim);
		claims.fulfilled(sessionId, claim, true);
		return claim;
	}

	@Test
	void whoeverComesSecondGetsTheFirstClaim() {
		Claim first = new Claim();

		assertThat(claims.claim(SESSION, first)).isNull();
		assertThat(claims.claim(SESSION, new Claim())).isSameAs(first);
		assertThat(claims.claim(OTHER_SESSION, new Claim())).isNull();
	}

	@Test
	void aFulfilledPurchaseIsRememberedForTheWindowThenForgotten() {
		Claim first = fulfilled(SESSION);

		wait(REMEMBERED.minusSeconds(1));
		assertThat(claims.claim(SESSION, new Claim())).isSameAs(first);

		wait(Duration.ofSeconds(1));
		assertThat(claims.claim(SESSION, new Claim())).isNull();
	}

	@Test
	void forgottenPurchasesLeaveMemory() {
		for (String id : new String[] { "cs_test_a1One", "cs_test_a1Two", "cs_test_a1Three" }) {
			fulfilled(id);
		}
		assertThat(claims.size()).isEqualTo(3L);

		wait(REMEMBERED.plus(Duration.ofMinutes(1)));
		claims.claim("cs_test_a1Four", new Claim());

		assertThat(claims.size()).isEqualTo(1L);
	}

	@Test
	void aPurchaseBeingFulfilledIsNeverForgotten() {
		Claim first = new Claim();
		claims.claim(SESSION, first);

		wait(Duration.ofDays(1));

		assertThat(claims.claim(SESSION, new Claim())).isSameAs(first);
	}

	@Test
	void aFailedFulfilmentIsForgottenAtOnceAndItsWaitersFailToo() {
		Claim first = new Claim();
		claims.claim(SESSION, first);

		claims.release(SESSION, first, new IllegalStateException("postPurchase failed"));

		assertThatIllegalStateException().isThrownBy(first::awaitFulfilled)
			.withCauseInstanceOf(IllegalStateException.class);
		assertThat(claims.claim(SESSION, new Claim())).isNull();
	}

	@Test
	void waitersLearnWhetherStripeHasTheMark() {
		Claim marked = new Claim();
		Claim unmarked = new Claim();
		claims.claim(SESSION, marked);
		claims.claim(OTHER_SESSION, unmarked);

		claims.fulfilled(SESSION, marked, true);
		claims.fulfilled(OTHER_SESSION, unmarked, false);

		assertThat(marked.awaitFulfilled()).isTrue();
		assertThat(unmarked.awaitFulfilled()).isFalse();
	}

	@Test
	void aWaiterThatMarkedTheSessionTellsTheNextOne() {
		Claim unmarked = new Claim();
		claims.claim(SESSION, unmarked);
		claims.fulfilled(SESSION, unmarked, false);

		unmarked.setMarkedAtStripe();

		assertThat(claims.claim(SESSION, new Claim())).isSameAs(unmarked);
		assertThat(unmarked.awaitFulfilled()).isTrue();
	}

}
