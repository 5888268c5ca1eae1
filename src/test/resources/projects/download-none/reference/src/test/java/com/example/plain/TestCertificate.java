package com.example.plain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate for Stripe's hosts, made when the browser tests start, by the JDK's keytool, and
 * trusted by the tests' Chromium alone, by the hash of its public key
 * ({@code --ignore-certificate-errors-spki-list}). No certificate or key is kept in the project or
 * outlives the run, and nothing else on the machine trusts it.
 */
final class TestCertificate {

	private static final String ALIAS = "stripe-hosts";

	private final SSLContext sslContext;

	private final String publicKeyHash;

	private TestCertificate(SSLContext sslContext, String publicKeyHash) {
		this.sslContext = sslContext;
		this.publicKeyHash = publicKeyHash;
	}

	/** A new key pair and a self-signed certificate for these host names, valid for two days. */
	static TestCertificate forHosts(String... hosts) {
		Path dir = null;
		try {
			dir = Files.createTempDirectory("test-certificate");
			Path keyStoreFile = dir.resolve("keystore.p12");
			String password = HexFormat.of().formatHex(seed());
			ProcessBuilder keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
					"-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
					"-dname", "CN=" + hosts[0], "-ext", "SAN=dns:" + String.join(",dns:", hosts), "-storetype", "PKCS12",
					"-keystore", keyStoreFile.toString(), "-storepass:env", "KEYSTORE_PASSWORD", "-keypass:env",
					"KEYSTORE_PASSWORD")
				.redirectErrorStream(true);
			// From the environment, not the command line, where other processes could read it.
			keytool.environment().put("KEYSTORE_PASSWORD", password);
			Process process = keytool.start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				throw new IllegalStateException("keytool could not make the test certificate: " + output);
			}
			KeyStore keyStore = KeyStore.getInstance(keyStoreFile.toFile(), password.toCharArray());
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(keyStore, password.toCharArray());
			SSLContext sslContext = SSLContext.getInstance("TLS");
			sslContext.init(keys.getKeyManagers(), null, null);
			// getEncoded() is the SubjectPublicKeyInfo, whose SHA-256 Chromium compares.
			byte[] publicKey = keyStore.getCertificate(ALIAS).getPublicKey().getEncoded();
			return new TestCertificate(sslContext,
					Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(publicKey)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			deleteQuietly(dir);
		}
	}

	private static byte[] seed() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

	SSLContext sslContext() {
		return sslContext;
	}

	/** The base64 SHA-256 of the certificate's public key, as Chromium's flag takes it. */
	String publicKeyHash() {
		return publicKeyHash;
	}

	private static void deleteQuietly(Path dir) {
		if (dir == null) {
			return;
		}
		try (var files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ignored) {
			// A temporary folder left behind is harmless: the key in it is trusted by nothing.
		}
	}

}
