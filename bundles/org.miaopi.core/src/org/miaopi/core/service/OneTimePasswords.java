package org.miaopi.core.service;

import java.security.SecureRandom;

/**
 * One-time passwords an admin reads out or writes down: no look-alike characters (0/O, 1/l/I).
 * The desk's admin and the hub's users job hand out the same kind.
 */
public final class OneTimePasswords {

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	/** 12 of 55 characters: about 69 bits, and it must be changed at the first sign-in anyway. */
	public static final int LENGTH = 12;

	private final SecureRandom random;

	public OneTimePasswords(SecureRandom random) {
		this.random = random;
	}

	public String next() {
		char[] c = new char[LENGTH];
		for (int i = 0; i < c.length; i++) {
			c[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
		}
		return new String(c);
	}
}
