package org.miaopi.core.service;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Checks a password against the stored form {@code pbkdf2-sha256$iterations$salt$hash}
 * (PBKDF2-HMAC-SHA256, Base64 without padding), the form the demo generator writes.
 */
public final class PasswordHashes {

	private static final String SCHEME = "pbkdf2-sha256";

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
}
