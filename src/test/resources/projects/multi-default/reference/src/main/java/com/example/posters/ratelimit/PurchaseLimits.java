package com.example.posters.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many payment attempts the store accepts, bound from {@code purchase-limits.*}.
 * Card testers try stolen cards by the hundred; a real shopper needs a few attempts.
 *
 * @param perClient attempts one address may make
 * @param allClients attempts all addresses together may make: the ceiling when testers spread
 * over many addresses, before Stripe starts blocking the account
 */
@ConfigurationProperties("purchase-limits")
public record PurchaseLimits(Limit perClient, Limit allClients) {

	// The same as application.yml, for a store whose application.yml leaves them out.
	public PurchaseLimits {
		perClient = perClient == null ? new Limit(10, Duration.ofMinutes(10)) : perClient;
		allClients = allClients == null ? new Limit(100, Duration.ofMinutes(1)) : allClients;
	}

	/** {@code attempts} per {@code per}, refilled gradually over that time. */
	public record Limit(long attempts, Duration per) {

		public Limit {
			if (attempts < 1 || per == null || per.isNegative() || per.isZero()) {
				throw new IllegalArgumentException("A purchase limit needs attempts of 1 or more and a positive period,"
						+ " such as attempts: 10 and per: 10m");
			}
		}

	}

}
