package org.miaopi.core.id;

import static org.miaopi.core.id.IdentifierInput.refuse;
import static org.miaopi.core.id.IdentifierInput.show;

import org.miaopi.core.id.InvalidIdentifierException.Problem;

/**
 * An 18-character unified social credit code of a legal person or other organisation
 * (GB 32100-2015): registration authority, entity type, 6-digit area code, 9-character
 * organisation code and a MOD 31 check character.
 * Instances are always valid and hold the normalized (half-width, upper-case) form.
 */
public final class UnifiedSocialCreditCode implements Comparable<UnifiedSocialCreditCode> {

	public static final int LENGTH = 18;

	/** The code alphabet: digits and capital letters without I, O, Z, S and V. */
	public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

	private final String value;

	private UnifiedSocialCreditCode(String value) {
		this.value = value;
	}

	/**
	 * The authority and entity-type characters are only checked against the alphabet: their
	 * code lists have grown since 2015, and refusing an unlisted one would block real firms.
	 *
	 * @throws InvalidIdentifierException naming the first rule the text breaks
	 */
	public static UnifiedSocialCreditCode parse(String text) {
		String code = IdentifierInput.normalize(text);
		if (code == null || code.isEmpty()) {
			throw refuse(Problem.EMPTY, "uscc.empty");
		}
		if (code.length() != LENGTH) {
			throw refuse(Problem.LENGTH, "uscc.length", code.length());
		}
		for (int i = 0; i < LENGTH; i++) {
			char c = code.charAt(i);
			if (ALPHABET.indexOf(c) < 0) {
				throw refuse(Problem.CHARACTERS, "uscc.characters", show(c), i + 1);
			}
			if (i >= 2 && i < 8 && !(c >= '0' && c <= '9')) {
				throw refuse(Problem.CHARACTERS, "uscc.areaCode", show(c), i + 1);
			}
		}
		char expected = checkCharacter(code.substring(0, LENGTH - 1));
		if (code.charAt(LENGTH - 1) != expected) {
			throw refuse(Problem.CHECKSUM, "uscc.checksum", code.charAt(LENGTH - 1), expected);
		}
		return new UnifiedSocialCreditCode(code);
	}

	public static Validation<UnifiedSocialCreditCode> validate(String text) {
		try {
			return Validation.valid(parse(text));
		} catch (InvalidIdentifierException e) {
			return Validation.invalid(e);
		}
	}

	/**
	 * The check character for the first 17 characters; the demo generator and tests build
	 * valid codes with it.
	 *
	 * @throws IllegalArgumentException unless {@code first17} is 17 characters of {@link #ALPHABET}
	 */
	public static char checkCharacter(CharSequence first17) {
		if (first17 == null || first17.length() != LENGTH - 1) {
			throw new IllegalArgumentException("need exactly 17 characters, got " + first17);
		}
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			int v = ALPHABET.indexOf(first17.charAt(i));
			if (v < 0) {
				throw new IllegalArgumentException(
						"not in the code alphabet at position " + (i + 1) + ": " + first17.charAt(i));
			}
			sum += v * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return ALPHABET.charAt(check == 31 ? 0 : check);
	}

	public String value() {
		return value;
	}

	/** Position 1, e.g. 9 for market regulation (工商), 5 for civil affairs (民政). */
	public char registrationAuthority() {
		return value.charAt(0);
	}

	/** Position 2, e.g. 1 for an enterprise when registered by market regulation. */
	public char entityType() {
		return value.charAt(1);
	}

	/** Positions 3–8, the administrative division of the registration authority. */
	public String areaCode() {
		return value.substring(2, 8);
	}

	/** Positions 9–17, the organisation code (GB 11714) including its own check character. */
	public String organizationCode() {
		return value.substring(8, 17);
	}

	@Override
	public int compareTo(UnifiedSocialCreditCode other) {
		return value.compareTo(other.value);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof UnifiedSocialCreditCode other && value.equals(other.value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return value;
	}
}
