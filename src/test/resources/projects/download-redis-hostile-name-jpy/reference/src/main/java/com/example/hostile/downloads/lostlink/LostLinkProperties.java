package com.example.hostile.downloads.lostlink;

import java.time.Duration;

import com.example.hostile.downloads.ratelimit.RateLimits.Limit;
import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * "Lost your link?", bound from {@code lost-link.*}: how often it may be asked, as each request asks
 * Stripe and can send an e-mail.
 *
 * @param requestsPerClient Requests one client address may send (the form's POST).
 * @param requestsPerAddress Requests for one e-mail address, from anywhere: nobody can fill a buyer's
 * inbox from many connections.
 */
@ConfigurationProperties("lost-link")
@Validated
public record LostLinkProperties(@Valid Limit requestsPerClient, @Valid Limit requestsPerAddress) {

	public LostLinkProperties {
		requestsPerClient = Limit.or(requestsPerClient, 5, Duration.ofHours(1));
		requestsPerAddress = Limit.or(requestsPerAddress, 3, Duration.ofHours(1));
	}

}
