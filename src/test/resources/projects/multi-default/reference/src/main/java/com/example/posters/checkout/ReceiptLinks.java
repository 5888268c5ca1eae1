package com.example.posters.checkout;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.example.posters.stripe.StripeSettings;

import org.springframework.stereotype.Component;

/**
 * Receipt addresses that cannot be guessed from a PaymentIntent id: {@code /receipt/{id}/{signature}}.
 * The signature is an HMAC keyed with the Stripe secret key, which every instance of the store
 * already has, so links work on any instance without another secret to manage.
 */
@Component
public class ReceiptLinks {

	private static final String ALGORITHM = "HmacSHA256";

	private final byte[] key;

	ReceiptLinks(StripeSettings settings) {
		String secret = settings.secretKey() == null ? "" : settings.secretKey();
		this.key = ("receipt-link:" + secret).getBytes(StandardCharsets.UTF_8);
	}

	public String pathFor(String paymentIntentId) {
		return "/receipt/" + paymentIntentId + "/" + sign(paymentIntentId);
	}

	public boolean isValid(String paymentIntentId, String signature) {
		byte[] expected = sign(paymentIntentId).getBytes(StandardCharsets.US_ASCII);
		// Constant-time comparison, so the signature cannot be found byte by byte.
		return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
	}

	private String sign(String paymentIntentId) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			byte[] digest = mac.doFinal(paymentIntentId.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
