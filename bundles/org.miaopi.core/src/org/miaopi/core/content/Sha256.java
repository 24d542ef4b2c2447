package org.miaopi.core.content;

import java.util.HexFormat;
import java.util.Locale;

/**
 * A SHA-256 digest, kept as 64 lowercase hex characters so that equality, hashing and
 * storage never depend on byte-array identity or letter case.
 */
public record Sha256(String hex) implements Comparable<Sha256> {

	/** The all-zero digest; the audit chain uses it as the predecessor of the first event. */
	public static final Sha256 ZERO = new Sha256("0".repeat(64));

	public Sha256 {
		if (hex == null) {
			throw new IllegalArgumentException("SHA-256 hex is null");
		}
		hex = hex.strip().toLowerCase(Locale.ROOT);
		if (hex.length() != 64) {
			throw new IllegalArgumentException(
					"SHA-256 hex must have 64 characters but has " + hex.length());
		}
		for (int i = 0; i < hex.length(); i++) {
			if (Character.digit(hex.charAt(i), 16) < 0) {
				throw new IllegalArgumentException(
						"SHA-256 hex has '" + hex.charAt(i) + "' at position " + (i + 1));
			}
		}
	}

	public static Sha256 parse(String hex) {
		return new Sha256(hex);
	}

	public static Sha256 of(byte[] digest) {
		if (digest == null || digest.length != 32) {
			throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
		}
		return new Sha256(HexFormat.of().formatHex(digest));
	}

	public byte[] bytes() {
		return HexFormat.of().parseHex(hex);
	}

	@Override
	public int compareTo(Sha256 other) {
		return hex.compareTo(other.hex);
	}

	@Override
	public String toString() {
		return hex;
	}
}
