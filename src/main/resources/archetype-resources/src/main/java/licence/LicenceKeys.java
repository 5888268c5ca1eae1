package ${package}.licence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ${package}.stripe.StripeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import org.springframework.stereotype.Component;

/**
 * Licence keys derived from the purchase, so that the store needs no database to give them out or
 * to check them: {@code <Checkout Session id>.<signature>}, the signature an HMAC-SHA256 of the
 * session's id keyed with LICENCE_KEY_SECRET. The same purchase always gets the same key, on every
 * instance; changing the secret changes every key, which is why it must never change.
 */
@Component
class LicenceKeys {

	private static final Logger log = LoggerFactory.getLogger(LicenceKeys.class);

	private static final String ALGORITHM = "HmacSHA256";

	// Signed along with the id, so that nothing else signed with this secret can pass for a key.
	private static final String PURPOSE = "licence-key|";

	// A Checkout Session id, as the receipt accepts them: nothing else is worth checking a signature for.
	private static final Pattern SESSION_ID = Pattern.compile("cs_(test|live)_[A-Za-z0-9]{10,200}");

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SecretKeySpec secret;

	LicenceKeys(LicenceKeysProperties settings, StripeSettings stripe) {
		byte[] secret;
		if (settings.secret() != null) {
			secret = settings.secret().getBytes(StandardCharsets.UTF_8);
		}
		else if (stripe.secretKey() != null && stripe.secretKey().contains("_live_")) {
			// Taking real money: a key a buyer paid for must keep working after the next restart.
			// Spring Boot reports it at start-up as a setting to fix, without a stack trace.
			throw new InvalidConfigurationPropertyValueException("licence-keys.secret", "",
					"LICENCE_KEY_SECRET is not set, and the Stripe keys are live: licence keys would be derived from a "
							+ "random secret, and every key given out would stop checking out when the store restarts. Set "
							+ "it to a long random value (openssl rand -base64 32), the same on every instance, and never "
							+ "change it.");
		}
		else {
			secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			log.warn("LICENCE_KEY_SECRET is not set: licence keys are derived from a random secret, so the keys given "
					+ "out stop checking out when the store restarts, and differ between instances. Set it to a long "
					+ "random value; with live keys the store does not start without it.");
		}
		this.secret = new SecretKeySpec(secret, ALGORITHM);
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
