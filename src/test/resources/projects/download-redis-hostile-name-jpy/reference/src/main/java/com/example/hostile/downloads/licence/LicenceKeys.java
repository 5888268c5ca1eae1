package com.example.hostile.downloads.licence;

import java.util.Optional;
import java.util.regex.Pattern;

import com.example.hostile.downloads.site.Signer;
import com.example.hostile.downloads.stripe.StripeProperties;

import org.springframework.stereotype.Component;

/**
 * Licence keys derived from the purchase, so that the store needs no database to give them out or
 * to check them: {@code <Checkout Session id>.<signature>}, the signature an HMAC-SHA256 of the
 * session's id keyed with LICENCE_KEY_SECRET. The same purchase always gets the same key, on every
 * instance; changing the secret changes every key, which is why it must never change.
 */
@Component
class LicenceKeys {

	// Signed along with the id, so that nothing else signed with this secret can pass for a key.
	private static final String PURPOSE = "licence-key|";

	// A Checkout Session id, as the receipt accepts them: nothing else is worth checking a signature for.
	private static final Pattern SESSION_ID = Pattern.compile("cs_(test|live)_[A-Za-z0-9]{10,200}");

	private final Signer signer;

	LicenceKeys(LicenceKeysProperties settings, StripeProperties stripe) {
		this.signer = new Signer(settings.secret(), "licence-keys.secret", "LICENCE_KEY_SECRET", "licence keys", stripe);
	}

	/** The key of a purchase, named by its Checkout Session id. */
	String keyFor(String sessionId) {
		return sessionId + "." + signer.sign(PURPOSE + sessionId);
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
		return signer.signed(PURPOSE + sessionId, trimmed.substring(dot + 1)) ? Optional.of(sessionId) : Optional.empty();
	}

}
