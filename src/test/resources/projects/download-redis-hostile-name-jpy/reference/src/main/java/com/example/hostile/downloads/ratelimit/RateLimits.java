package com.example.hostile.downloads.ratelimit;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How often visitors may make the store call Stripe, bound from {@code rate-limits.*}. Card
 * testers open checkouts by the hundred to try stolen cards; a real shopper needs a few.
 *
 * @param checkoutPerClient Checkouts one client address may open (POST /checkout).
 * @param checkoutAllClients Checkouts all addresses together may open: the ceiling when testers
 * spread over many addresses, before Stripe starts blocking the account.
 * @param receiptsPerClient Receipt pages one address may open: each can cost a call to Stripe.
 */
@ConfigurationProperties("rate-limits")
@Validated
public record RateLimits(@Valid Limit checkoutPerClient, @Valid Limit checkoutAllClients,
		@Valid Limit receiptsPerClient) {

	// The same as application.yml, for a store whose application.yml leaves them out.
	// The defaults, as the README's table gives them.
	public RateLimits {
		checkoutPerClient = Limit.or(checkoutPerClient, 10, Duration.ofMinutes(10));
		checkoutAllClients = Limit.or(checkoutAllClients, 100, Duration.ofMinutes(1));
		receiptsPerClient = Limit.or(receiptsPerClient, 60, Duration.ofMinutes(10));
	}

	/**
	 * {@code attempts} per {@code per}, refilled gradually over that time.
	 *
	 * @param attempts How many requests the limit lets through in each period; over it, the visitor
	 * gets 429 "Too many..." with a Retry-After.
	 * @param per The period the attempts are counted over, such as 10m or 1h: they come back
	 * gradually over it.
	 */
	public record Limit(@Min(1) long attempts, @NotNull Duration per) {

		public Limit {
			if (per != null && (per.isNegative() || per.isZero())) {
				throw new IllegalArgumentException("A rate limit needs a period longer than zero, such as per: 10m");
			}
		}

		/**
		 * The limit as set, the default where it is not: a limit given with its attempts alone
		 * (rate-limits.checkout-per-client.attempts=50) keeps the default period.
		 */
		public static Limit or(Limit given, long attempts, Duration per) {
			if (given == null) {
				return new Limit(attempts, per);
			}
			return given.per() == null ? new Limit(given.attempts(), per) : given;
		}

	}

}
