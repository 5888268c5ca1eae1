package com.example.downloads.download;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.example.downloads.stripe.StripeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring download links: {@code /download/<payload>.<signature>}, where the payload
 * names the Checkout Session, the item and the expiry, and the signature is an HMAC-SHA256 of it
 * keyed with DOWNLOAD_LINK_SECRET. Nothing in a link names a file. Without the secret, links are
 * signed with a random one and die at the next restart: the store then does not start with live
 * Stripe keys.
 */
@Component
class DownloadLinks {

	private static final Logger log = LoggerFactory.getLogger(DownloadLinks.class);

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final DownloadSettings settings;

	private final SecretKeySpec key;

	DownloadLinks(DownloadSettings settings, StripeSettings stripe) {
		this.settings = settings;
		byte[] secret;
		if (settings.linkSecret() != null) {
			secret = settings.linkSecret().getBytes(StandardCharsets.UTF_8);
		}
		else if (stripe.secretKey() != null && stripe.secretKey().contains("_live_")) {
			// Taking real money: a buyer's e-mailed link must outlive the next restart.
			// Spring Boot reports it at start-up as a setting to fix, without a stack trace.
			throw new InvalidConfigurationPropertyValueException("download.link-secret", "",
					"DOWNLOAD_LINK_SECRET is not set, and the Stripe keys are live: download links would be signed "
							+ "with a random secret, and every link given out, in buyers' e-mails too, would stop working "
							+ "when the store restarts. Set it to a long random value (openssl rand -base64 32), the same "
							+ "on every instance, and keep it.");
		}
		else {
			secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			log.warn("DOWNLOAD_LINK_SECRET is not set: download links are signed with a random secret, so the links "
					+ "given out (on receipts and in e-mails) stop working when the store restarts, and differ between "
					+ "instances. Set it to a long random value; with live keys the store does not start without it.");
		}
		this.key = new SecretKeySpec(secret, ALGORITHM);
	}

	/** A fresh link for a paid purchase, valid for download.link-lifetime from now. */
	String pathFor(String sessionId, String itemId) {
		return pathFor(sessionId, itemId, Instant.now().plus(settings.linkLifetime()));
	}

	String pathFor(String sessionId, String itemId, Instant expiresAt) {
		String payload = sessionId + "|" + itemId + "|" + expiresAt.getEpochSecond();
		return "/download/" + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + sign(payload);
	}

	/** What a link says, or empty when its signature is not this store's (checked in constant time). */
	Optional<DownloadLink> read(String token) {
		int dot = token.indexOf('.');
		String payload = dot < 0 ? null : decode(token.substring(0, dot));
		if (payload == null || !MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
				token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		// Signed, yet not what pathFor writes (another version of the store, a hand-made link): refused.
		String[] parts = payload.split("\\|", -1);
		if (parts.length != 3 || !parts[2].matches("[0-9]{1,12}")) {
			return Optional.empty();
		}
		return Optional.of(new DownloadLink(parts[0], parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2]))));
	}

	private static String decode(String part) {
		try {
			return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException notBase64) {
			return null;
		}
	}

	private String sign(String payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
