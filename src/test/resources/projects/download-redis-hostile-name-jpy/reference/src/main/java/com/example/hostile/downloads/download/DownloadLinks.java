package com.example.hostile.downloads.download;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.example.hostile.downloads.site.KeptFromSearchEngines;
import com.example.hostile.downloads.site.Signer;
import com.example.hostile.downloads.stripe.StripeProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring download links: {@code /download/<payload>.<signature>}, where the payload
 * names the Checkout Session, the item and the expiry, and the signature is an HMAC-SHA256 of it
 * keyed with DOWNLOAD_LINK_SECRET. Nothing in a link names a file. Without the secret, links are
 * signed with a random one and die at the next restart: the store then does not start with live
 * Stripe keys. A feature that hands out links elsewhere asks {@link #pathFor(String, String)}.
 */
@Component
public class DownloadLinks {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final DownloadProperties settings;

	private final Signer signer;

	DownloadLinks(DownloadProperties settings, StripeProperties stripe) {
		this.settings = settings;
		this.signer = new Signer(settings.linkSecret(), "download.link-secret", "DOWNLOAD_LINK_SECRET", "download links",
				stripe);
	}

	/** robots.txt keeps search engines out of the links: each is one buyer's. */
	@Bean
	static KeptFromSearchEngines downloadsKeptFromSearchEngines() {
		return new KeptFromSearchEngines("/download/");
	}

	/** A fresh link for a paid purchase, valid for download.link-lifetime from now. */
	public String pathFor(String sessionId, String itemId) {
		return pathFor(sessionId, itemId, Instant.now().plus(settings.linkLifetime()));
	}

	String pathFor(String sessionId, String itemId, Instant expiresAt) {
		String payload = sessionId + "|" + itemId + "|" + expiresAt.getEpochSecond();
		return "/download/" + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + signer.sign(payload);
	}

	/** What a link says, or empty when its signature is not this store's (checked in constant time). */
	Optional<DownloadLink> read(String token) {
		int dot = token.indexOf('.');
		String payload = dot < 0 ? null : decode(token.substring(0, dot));
		if (payload == null || !signer.signed(payload, token.substring(dot + 1))) {
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

}
