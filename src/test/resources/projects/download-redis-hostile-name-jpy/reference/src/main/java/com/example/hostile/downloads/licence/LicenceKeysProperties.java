package com.example.hostile.downloads.licence;

import java.time.Duration;

import com.example.hostile.downloads.ratelimit.RateLimits.Limit;
import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Licence keys, bound from {@code licence-keys.*}.
 *
 * @param secret Derives the keys. Set LICENCE_KEY_SECRET to a long random value of its own (not the
 * download links'), the same on every instance and never changed: every key ever given out is derived
 * from it. Without it the store makes up one at each start, and keys stop checking out when it
 * restarts; with live Stripe keys it does not start without it.
 * @param checksPerClient Licence keys one client address may check (POST /licences/verify).
 */
@ConfigurationProperties("licence-keys")
@Validated
public record LicenceKeysProperties(String secret, @Valid Limit checksPerClient) {

	public LicenceKeysProperties {
		secret = secret == null || secret.isBlank() ? null : secret;
		checksPerClient = Limit.or(checksPerClient, 60, Duration.ofMinutes(10));
	}

	// Spring's logs and actuator may print the settings: never the secret.
	@Override
	public String toString() {
		return "LicenceKeysProperties[secret=" + (secret == null ? "(not set)" : "(set)") + ", checksPerClient="
				+ checksPerClient + "]";
	}

}
