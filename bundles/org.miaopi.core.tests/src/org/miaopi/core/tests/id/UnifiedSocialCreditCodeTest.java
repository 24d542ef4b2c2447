package org.miaopi.core.tests.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.miaopi.core.id.InvalidIdentifierException;
import org.miaopi.core.id.InvalidIdentifierException.Problem;
import org.miaopi.core.id.UnifiedSocialCreditCode;
import org.miaopi.core.id.Validation;

class UnifiedSocialCreditCodeTest {

	/*
	 * Worked by hand with M = 21, Y = 30: 9·1+1·3+3·9+5·27+0·19+1·26+0·16+0·17+21·20+0·29+0·25
	 * +0·13+1·8+0·24+0·10+30·30+4·28 = 1640; 1640 mod 31 = 28; 31 - 28 = 3.
	 */
	private static final String FUZHOU = "91350100M000100Y43";

	private static InvalidIdentifierException refusal(String text) {
		return assertThrows(InvalidIdentifierException.class, () -> UnifiedSocialCreditCode.parse(text));
	}

	@Test
	void acceptsKnownValidCodeAndReadsItsParts() {
		UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(FUZHOU);
		assertEquals(FUZHOU, code.value());
		assertEquals('9', code.registrationAuthority());
		assertEquals('1', code.entityType());
		assertEquals("350100", code.areaCode());
		assertEquals("M000100Y4", code.organizationCode());
		assertEquals(FUZHOU, code.toString());
	}

	@Test
	void checkCharacterHelperMatchesHandComputation() {
		assertEquals('3', UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4"));
		assertThrows(IllegalArgumentException.class, () -> UnifiedSocialCreditCode.checkCharacter("91350100M000100Y"));
		assertThrows(IllegalArgumentException.class, () -> UnifiedSocialCreditCode.checkCharacter("91350100M000100I4"));
	}

	@Test
	void checkOf31BecomesZero() {
		// Search the space for a body whose weighted sum is a multiple of 31: its check must be 0.
		String body = null;
		for (int i = 0; i < 31 && body == null; i++) {
			String candidate = "91440300MA5" + UnifiedSocialCreditCode.ALPHABET.charAt(i) + "00001";
			if (UnifiedSocialCreditCode.checkCharacter(candidate) == '0') {
				body = candidate;
			}
		}
		assertTrue(body != null, "one of 31 values at a position with weight coprime to 31 gives check 0");
		assertEquals(body + "0", UnifiedSocialCreditCode.parse(body + "0").value());
	}

	@Test
	void normalizesLowercaseFullWidthAndWhitespace() {
		UnifiedSocialCreditCode expected = UnifiedSocialCreditCode.parse(FUZHOU);
		assertEquals(expected, UnifiedSocialCreditCode.parse("91350100m000100y43"));
		assertEquals(expected, UnifiedSocialCreditCode.parse("\u3000９１３５０１００Ｍ０００１００Ｙ４３ "));
	}

	@Test
	void emptyAndLength() {
		assertEquals(Problem.EMPTY, refusal(null).problem());
		assertEquals(Problem.EMPTY, refusal("  ").problem());
		InvalidIdentifierException e = refusal("91350100M000100Y4");
		assertEquals(Problem.LENGTH, e.problem());
		assertEquals("Unified social credit code must have 18 characters but has 17", e.getMessage());
	}

	@Test
	void lettersOutsideTheAlphabetAreNamed() {
		for (char banned : new char[] {'I', 'O', 'Z', 'S', 'V'}) {
			String text = "91350100M000100" + banned + "43";
			InvalidIdentifierException e = refusal(text);
			assertEquals(Problem.CHARACTERS, e.problem(), text);
			assertTrue(e.getMessage().startsWith("Unified social credit code has '" + banned + "' at position 16"),
					e.getMessage());
		}
		assertEquals(Problem.CHARACTERS, refusal("91350100M000100-43").problem());
	}

	@Test
	void areaCodeMustBeDigits() {
		InvalidIdentifierException e = refusal("9135A100M000100Y43");
		assertEquals(Problem.CHARACTERS, e.problem());
		assertEquals("Unified social credit code has 'A' at position 5 where only a digit is allowed"
				+ " (positions 3 to 8 are the area code)", e.getMessage());
	}

	@Test
	void wrongCheckCharacterSaysWhatItShouldBe() {
		InvalidIdentifierException e = refusal("91350100M000100Y44");
		assertEquals(Problem.CHECKSUM, e.problem());
		assertEquals("Unified social credit code check character is 4 but should be 3", e.getMessage());
	}

	@Test
	void everySingleCharacterChangeIsCaught() {
		for (int position = 0; position < 17; position++) {
			for (char c : UnifiedSocialCreditCode.ALPHABET.toCharArray()) {
				if (c == FUZHOU.charAt(position)) {
					continue;
				}
				String changed = FUZHOU.substring(0, position) + c + FUZHOU.substring(position + 1);
				assertFalse(UnifiedSocialCreditCode.validate(changed).isValid(), changed);
			}
		}
	}

	@Test
	void generatedCodesRoundTrip() {
		for (String body : new String[] {"11100000000013127", "52440300MJL000001", "92440300MA5FXXXX1"}) {
			String code = body + UnifiedSocialCreditCode.checkCharacter(body);
			assertTrue(UnifiedSocialCreditCode.validate(code).isValid(), code);
		}
	}

	@Test
	void validateNeverThrows() {
		Validation<UnifiedSocialCreditCode> v = UnifiedSocialCreditCode.validate("not a code");
		assertFalse(v.isValid());
		assertEquals(Problem.LENGTH, v.problem().orElseThrow());
		assertTrue(UnifiedSocialCreditCode.validate(FUZHOU).isValid());
	}
}
