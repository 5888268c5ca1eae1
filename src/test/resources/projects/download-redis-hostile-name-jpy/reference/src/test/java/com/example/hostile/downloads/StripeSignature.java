package com.example.hostile.downloads;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs webhook payloads the way Stripe does, so tests can deliver events Stripe could have sent. */
public final class StripeSignature {

	private StripeSignature() {
	}

	/** Stripe's scheme: v1 is the HMAC-SHA256 of "timestamp.payload" keyed with the endpoint secret. */
	public static String sign(String payload, String secret, long timestamp) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
			return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Signed now with the store's test webhook secret. */
	public static String signNow(String payload) {
		return sign(payload, StripeStub.WEBHOOK_SECRET, Instant.now().getEpochSecond());
	}

}
