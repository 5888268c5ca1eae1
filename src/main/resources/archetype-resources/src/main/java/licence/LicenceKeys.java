package ${package}.licence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ${package}.download.DownloadSettings;

import org.springframework.stereotype.Component;

/**
 * Licence keys derived from the purchase, so that the store needs no database to give them out or
 * to check them: {@code <Checkout Session id>.<signature>}, the signature an HMAC-SHA256 of the
 * session's id keyed with LICENCE_KEY_SECRET. The same purchase always gets the same key, on every
 * instance; changing the secret changes every key, which is why it must never change.
 */
@Component
class LicenceKeys {

	private static final String ALGORITHM = "HmacSHA256";

	// Signed along with the id, so that nothing else signed with this secret can pass for a key.
	private static final String PURPOSE = "licence-key|";

	// A Checkout Session id, as the receipt accepts them: nothing else is worth checking a signature for.
	private static final Pattern SESSION_ID = Pattern.compile("cs_(test|live)_[A-Za-z0-9]{10,200}");

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SecretKeySpec secret;

	LicenceKeys(DownloadSettings settings) {
		// DownloadSettings refuses to start with licence keys on and no secret; off, there is nothing to sign.
		this.secret = settings.licenceSecret() == null ? null
				: new SecretKeySpec(settings.licenceSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	/** The key of a purchase, named by its Checkout Session id. */
	String keyFor(String sessionId) {
		return sessionId + "." + sign(sessionId);
	}

	/**
	 * The Checkout Session a key was given for, or empty when it is not a key of this store's
	 * (malformed, or its signature does not match: checked in constant time). Spaces around it, as
	 * copying can add, do not count.
	 */
	Optional<String> sessionIdOf(String key) {
		String trimmed = key == null ? "" : key.strip();
		int dot = trimmed.indexOf('.');
		if (dot < 0 || !SESSION_ID.matcher(trimmed.substring(0, dot)).matches()) {
			return Optional.empty();
		}
		String sessionId = trimmed.substring(0, dot);
		boolean signed = MessageDigest.isEqual(sign(sessionId).getBytes(StandardCharsets.US_ASCII),
				trimmed.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
		return signed ? Optional.of(sessionId) : Optional.empty();
	}

	private String sign(String sessionId) {
		if (secret == null) {
			throw new IllegalStateException("download.licence-keys is off: there are no licence keys");
		}
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(secret);
			return ENCODER.encodeToString(mac.doFinal((PURPOSE + sessionId).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
