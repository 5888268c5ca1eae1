package com.example.downloads.download;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring download links: {@code /download/<payload>.<signature>}, where the payload
 * names the PaymentIntent, the item and the expiry, and the signature is an HMAC-SHA256 of it
 * keyed with DOWNLOAD_LINK_SECRET. Nothing in a link names a file.
 */
@Component
class DownloadLinks {

	private static final Logger log = LoggerFactory.getLogger(DownloadLinks.class);

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final DownloadSettings settings;

	private final byte[] secret;

	DownloadLinks(DownloadSettings settings) {
		this.settings = settings;
		if (settings.linkSecret() != null) {
			this.secret = settings.linkSecret().getBytes(StandardCharsets.UTF_8);
		}
		else {
			this.secret = new byte[32];
			new SecureRandom().nextBytes(this.secret);
			log.warn("DOWNLOAD_LINK_SECRET is not set: download links are signed with a random secret, so they "
					+ "stop working when the store restarts and differ between instances. Set it to a long random value.");
		}
	}

	/** A fresh link for a paid purchase, valid for download.link-lifetime from now. */
	String pathFor(String paymentIntentId, String itemId) {
		return pathFor(paymentIntentId, itemId, Instant.now().plus(settings.linkLifetime()));
	}

	String pathFor(String paymentIntentId, String itemId, Instant expiresAt) {
		String payload = paymentIntentId + "|" + itemId + "|" + expiresAt.getEpochSecond();
		return "/download/" + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + sign(payload);
	}

	/** Checks the signature first (in constant time), then the expiry. */
	DownloadLink read(String token) {
		int dot = token.indexOf('.');
		String payload = dot < 0 ? null : decode(token.substring(0, dot));
		if (payload == null || !MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
				token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
			throw new DownloadRefusedException(HttpStatus.FORBIDDEN,
					"This download link is not valid. Use the link on your receipt page, exactly as it is.");
		}
		String[] parts = payload.split("\\|");
		Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
		if (Instant.now().isAfter(expiresAt)) {
			throw new DownloadRefusedException(HttpStatus.GONE,
					"This download link has expired. Open your receipt page again for a fresh link.");
		}
		return new DownloadLink(parts[0], parts[1], expiresAt);
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
			mac.init(new SecretKeySpec(secret, ALGORITHM));
			return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
