package com.example.hostile.downloads.sharedstate;

import java.time.Duration;

import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.fulfilment.ClaimsAcrossInstances.Holder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The claims on their own, on a real redis-server: who fulfils, what the others learn, and how long a claim lasts. */
class SharedClaimsTests {

	static final Duration TTL = Duration.ofMinutes(65);

	static RedisServer redis;

	static LettuceConnectionFactory connections;

	static StringRedisTemplate template;

	static SharedClaims claims;

	@BeforeAll
	static void startRedis() throws Exception {
		redis = new RedisServer();
		redis.start();
		connections = new LettuceConnectionFactory("127.0.0.1", redis.port());
		connections.afterPropertiesSet();
		template = new StringRedisTemplate(connections);
		claims = new SharedClaims(template, new RedisOutage());
	}

	@AfterAll
	static void stopRedis() throws Exception {
		if (connections != null) {
			connections.destroy();
		}
		if (redis != null) {
			redis.stop();
		}
	}

	@Test
	void theFirstToClaimFulfilsAndTheClaimLastsItsTtl() {
		String id = StripeStub.newSessionId();

		assertThat(claims.take(id, TTL)).isEqualTo(Holder.THIS_CALLER);
		assertThat(claims.take(id, TTL)).isEqualTo(Holder.ELSEWHERE);
		assertThat(template.getExpire("fulfilment:" + id)).isBetween(TTL.toSeconds() - 5, TTL.toSeconds());
	}

	@Test
	void othersLearnWhetherStripeHasTheMark() {
		String marked = StripeStub.newSessionId();
		String unmarked = StripeStub.newSessionId();
		claims.take(marked, TTL);
		claims.take(unmarked, TTL);

		claims.fulfilled(marked, true, Duration.ofHours(1));
		claims.fulfilled(unmarked, false, Duration.ofHours(1));

		assertThat(claims.awaitElsewhere(marked, Duration.ofSeconds(1))).isTrue();
		assertThat(claims.awaitElsewhere(unmarked, Duration.ofSeconds(1))).isFalse();
		assertThat(claims.take(marked, TTL)).isEqualTo(Holder.ELSEWHERE);
		assertThat(template.getExpire("fulfilment:" + marked)).isBetween(3595L, 3600L);
	}

	@Test
	void aFailedFulfilmentReleasesTheClaimForARetry() {
		String id = StripeStub.newSessionId();
		claims.take(id, TTL);

		claims.release(id);

		assertThatIllegalStateException().isThrownBy(() -> claims.awaitElsewhere(id, Duration.ofSeconds(1)));
		assertThat(claims.take(id, TTL)).isEqualTo(Holder.THIS_CALLER);
	}

	@Test
	void aFulfilmentThatDoesNotEndInTimeFailsTheWaiter() {
		String id = StripeStub.newSessionId();
		claims.take(id, TTL);

		assertThatIllegalStateException().isThrownBy(() -> claims.awaitElsewhere(id, Duration.ofMillis(200)));
	}

	@Test
	void withRedisDownNobodyKnowsWhoHoldsIt() {
		LettuceConnectionFactory nowhere = new LettuceConnectionFactory("127.0.0.1", 1);
		nowhere.afterPropertiesSet();
		try {
			SharedClaims down = new SharedClaims(new StringRedisTemplate(nowhere), new RedisOutage());
			assertThat(down.take(StripeStub.newSessionId(), TTL)).isEqualTo(Holder.UNKNOWN);
		}
		finally {
			nowhere.destroy();
		}
	}

}
