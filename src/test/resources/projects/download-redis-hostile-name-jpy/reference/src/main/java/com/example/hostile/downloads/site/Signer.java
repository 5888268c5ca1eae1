package com.example.hostile.downloads.site;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.example.hostile.downloads.stripe.StripeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Signs what the store gives out so that nobody can forge it (download links, say): an
 * HMAC-SHA256, URL-safe Base64, keyed with a secret from the environment. Without the secret it
 * signs with a random one made at start-up, and says so: what it signed then stops checking out at
 * the next restart, and differs between instances. With live Stripe keys the store does not start
 * without it: Spring Boot's report names the setting.
 */
public final class Signer {

	private static final Logger log = LoggerFactory.getLogger(Signer.class);

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SecretKeySpec key;

	/**
	 * @param secret the secret, or null or blank when it is not set
	 * @param setting the property that holds it ("download.link-secret"), for Boot's report
	 * @param variable the environment variable that sets it ("DOWNLOAD_LINK_SECRET")
	 * @param signs what this signs, in the plural ("download links")
	 */
	public Signer(String secret, String setting, String variable, String signs, StripeProperties stripe) {
		byte[] bytes;
		if (secret != null && !secret.isBlank()) {
			bytes = secret.getBytes(StandardCharsets.UTF_8);
		}
		else if (stripe.secretKey() != null && stripe.secretKey().contains("_live_")) {
			// Taking real money: what a buyer paid for must keep working after the next restart.
			throw new InvalidConfigurationPropertyValueException(setting, "", variable
					+ " is not set, and the Stripe keys are live: " + signs + " would be signed with a random secret, and "
					+ "every one given out would stop working when the store restarts. Set it "
					+ "to a long random value (openssl rand -base64 32), the same on every instance, and keep it.");
		}
		else {
			bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			log.warn("{} is not set: {} are signed with a random secret, so those given out "
					+ "stop working when the store restarts, and differ between instances. Set it to a long "
					+ "random value; with live keys the store does not start without it.", variable, signs);
		}
		this.key = new SecretKeySpec(bytes, ALGORITHM);
	}

	public String sign(String text) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return ENCODER.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	/** Whether {@code signature} is this signer's for {@code text}, compared in constant time. */
	public boolean signed(String text, String signature) {
		return MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

}
