package org.miaopi.core.service;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Checks a password against the stored form {@code pbkdf2-sha256$iterations$salt$hash}
 * (PBKDF2-HMAC-SHA256, Base64 without padding), and makes it.
 */
public final class PasswordHashes {

	private static final String SCHEME = "pbkdf2-sha256";
	/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
	private static final int ITERATIONS = 210_000;

	private PasswordHashes() {
	}

	/** Whether {@code password} matches {@code stored}; false for a malformed stored hash. */
	public static boolean matches(char[] password, String stored) {
		if (password == null || stored == null) {
			return false;
		}
		String[] parts = stored.split("\\$");
		if (parts.length != 4 || !SCHEME.equals(parts[0])) {
			return false;
		}
		try {
			int iterations = Integer.parseInt(parts[1]);
			if (iterations < 1 || iterations > 10_000_000) {
				return false;
			}
			Base64.Decoder b64 = Base64.getDecoder();
			byte[] salt = b64.decode(parts[2]);
			byte[] expected = b64.decode(parts[3]);
			PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, expected.length * 8);
			byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
			spec.clearPassword();
			// constant time, so the comparison does not tell how much of a guess was right
			return MessageDigest.isEqual(expected, actual);
		} catch (IllegalArgumentException | GeneralSecurityException e) {
			return false;
		}
	}

	/** The stored form of {@code password} with a fresh 16-byte salt from {@code random}. */
	public static String hash(char[] password, SecureRandom random) {
		byte[] salt = new byte[16];
		random.nextBytes(salt);
		PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, 256);
		try {
			byte[] h = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
			Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
			return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(h);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
		} finally {
			spec.clearPassword();
		}
	}
}
