package org.miaopi.core.tests.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;
import org.miaopi.core.service.PasswordHashes;

/** Sign-in checks passwords against the stored PBKDF2 form. */
class PasswordHashesTest {

	/** The stored form, built here the way the demo generator builds it (fewer iterations, same scheme). */
	private static String stored(String password, byte[] salt, int iterations) throws Exception {
		PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
		byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
		return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
	}

	@Test
	void theRightPasswordMatchesAndAWrongOneDoesNot() throws Exception {
		String hash = stored("Kx7-qz2_Lm9", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }, 1000);
		assertTrue(PasswordHashes.matches("Kx7-qz2_Lm9".toCharArray(), hash));
		assertFalse(PasswordHashes.matches("Kx7-qz2_Lm8".toCharArray(), hash));
		assertFalse(PasswordHashes.matches("".toCharArray(), hash));
	}

	@Test
	void theSaltCounts() throws Exception {
		String a = stored("same", new byte[16], 1000);
		byte[] otherSalt = new byte[16];
		otherSalt[0] = 1;
		String b = stored("same", otherSalt, 1000);
		assertTrue(PasswordHashes.matches("same".toCharArray(), a));
		assertTrue(PasswordHashes.matches("same".toCharArray(), b));
		assertFalse(a.equals(b), "different salts, different hashes");
	}

	@Test
	void aHashMadeHereMatchesItsPasswordOnlyAndIsSaltedAfresh() {
		SecureRandom random = new SecureRandom();
		String once = PasswordHashes.hash("Kx7-qz2_Lm9".toCharArray(), random);
		String twice = PasswordHashes.hash("Kx7-qz2_Lm9".toCharArray(), random);
		assertTrue(once.startsWith("pbkdf2-sha256$210000$"), once);
		assertTrue(PasswordHashes.matches("Kx7-qz2_Lm9".toCharArray(), once));
		assertFalse(PasswordHashes.matches("Kx7-qz2_Lm8".toCharArray(), once));
		assertNotEquals(once, twice);
	}

	@Test
	void malformedOrForeignHashesNeverMatch() {
		assertFalse(PasswordHashes.matches("x".toCharArray(), null));
		assertFalse(PasswordHashes.matches("x".toCharArray(), ""));
		assertFalse(PasswordHashes.matches("x".toCharArray(), "bcrypt$10$abc$def"));
		assertFalse(PasswordHashes.matches("x".toCharArray(), "pbkdf2-sha256$notanumber$AAAA$AAAA"));
		assertFalse(PasswordHashes.matches("x".toCharArray(), "pbkdf2-sha256$0$AAAA$AAAA"));
		assertFalse(PasswordHashes.matches("x".toCharArray(), "pbkdf2-sha256$1000$!!!$AAAA"));
	}
}
