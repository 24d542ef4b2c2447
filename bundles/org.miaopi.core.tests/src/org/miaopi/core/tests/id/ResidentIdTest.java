package org.miaopi.core.tests.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.miaopi.core.id.InvalidIdentifierException;
import org.miaopi.core.id.InvalidIdentifierException.Problem;
import org.miaopi.core.id.ResidentId;
import org.miaopi.core.id.Sex;
import org.miaopi.core.id.Validation;

class ResidentIdTest {

	private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

	/*
	 * Worked by hand: 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167,
	 * 167 mod 11 = 2, and index 2 of 1,0,X,9,8,7,6,5,4,3,2 is X.
	 */
	private static final String FEMALE_1949 = "11010519491231002X";
	/* Same digits with sequence 001: the sum drops by 2 to 165, mod 11 = 0, check 1. */
	private static final String MALE_1949 = "110105194912310011";

	private static InvalidIdentifierException refusal(String text) {
		return assertThrows(InvalidIdentifierException.class, () -> ResidentId.parse(text, TODAY));
	}

	private static String withCheck(String first17) {
		return first17 + ResidentId.checkDigit(first17);
	}

	@Test
	void acceptsHandComputedIdsAndReadsTheirParts() {
		ResidentId woman = ResidentId.parse(FEMALE_1949, TODAY);
		assertEquals(FEMALE_1949, woman.value());
		assertEquals(LocalDate.of(1949, 12, 31), woman.birthDate());
		assertEquals(Sex.FEMALE, woman.sex());
		assertEquals("11", woman.provinceCode());
		assertEquals("110105", woman.areaCode());

		ResidentId man = ResidentId.parse(MALE_1949, TODAY);
		assertEquals(Sex.MALE, man.sex());
		assertNotEquals(woman, man);
	}

	@Test
	void checkDigitHelperMatchesHandComputation() {
		assertEquals('X', ResidentId.checkDigit("11010519491231002"));
		assertEquals('1', ResidentId.checkDigit("11010519491231001"));
		assertThrows(IllegalArgumentException.class, () -> ResidentId.checkDigit("1101051949123100"));
		assertThrows(IllegalArgumentException.class, () -> ResidentId.checkDigit("1101051949123100A"));
		assertThrows(IllegalArgumentException.class, () -> ResidentId.checkDigit(null));
	}

	@Test
	void normalizesLowercaseFullWidthAndSurroundingWhitespace() {
		ResidentId expected = ResidentId.parse(FEMALE_1949, TODAY);
		assertEquals(expected, ResidentId.parse("11010519491231002x", TODAY));
		assertEquals(expected, ResidentId.parse(" \t11010519491231002X\n", TODAY));
		assertEquals(expected, ResidentId.parse("\u3000１１０１０５１９４９１２３１００２ｘ\u3000", TODAY));
		assertEquals(FEMALE_1949, ResidentId.parse("１１０１０５１９４９１２３１００２Ｘ", TODAY).toString());
	}

	@ParameterizedTest
	@ValueSource(strings = {"", "   ", "\u3000"})
	void blankIsEmpty(String text) {
		assertEquals(Problem.EMPTY, refusal(text).problem());
	}

	@Test
	void nullIsEmpty() {
		assertEquals(Problem.EMPTY, refusal(null).problem());
		assertEquals("Resident ID is empty", refusal(null).getMessage());
	}

	@Test
	void wrongLengthSaysHowLong() {
		InvalidIdentifierException e = refusal(FEMALE_1949.substring(1));
		assertEquals(Problem.LENGTH, e.problem());
		assertEquals("Resident ID must have 18 characters but has 17", e.getMessage());
		assertEquals(Problem.LENGTH, refusal(FEMALE_1949 + "0").problem());
		// the old 15-digit numbers are no longer accepted
		assertEquals(Problem.LENGTH, refusal("110105491231002").problem());
	}

	@Test
	void letterInsideNamesCharacterAndPosition() {
		InvalidIdentifierException e = refusal("11010519491231A02X");
		assertEquals(Problem.CHARACTERS, e.problem());
		assertEquals("Resident ID has 'A' at position 15 where only a digit is allowed", e.getMessage());
	}

	@Test
	void xIsOnlyAllowedLast() {
		assertEquals(Problem.CHARACTERS, refusal("X10105194912310021").problem());
		InvalidIdentifierException e = refusal("11010519491231002Y");
		assertEquals(Problem.CHARACTERS, e.problem());
		assertEquals("Resident ID has 'Y' at position 18 where only a digit or X is allowed", e.getMessage());
	}

	@Test
	void innerSpaceIsShownByCodePoint() {
		InvalidIdentifierException e = refusal("110105 9491231002X");
		assertEquals(Problem.CHARACTERS, e.problem());
		assertTrue(e.getMessage().contains("U+0020") && e.getMessage().contains("position 7"), e.getMessage());
	}

	@Test
	void unknownProvinceIsRefusedEvenWithCorrectCheckDigit() {
		InvalidIdentifierException e = refusal(withCheck("99010519491231002"));
		assertEquals(Problem.PROVINCE, e.problem());
		assertEquals("Resident ID area code 990105 does not start with a known province code (99)", e.getMessage());
		assertEquals(Problem.PROVINCE, refusal(withCheck("10010519491231002")).problem());
		assertEquals(Problem.PROVINCE, refusal(withCheck("24010519491231002")).problem());
	}

	@ParameterizedTest
	@ValueSource(strings = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
			"37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
			"71", "81", "82", "83"})
	void everyProvinceLevelCodeIsAccepted(String province) {
		assertEquals(province, ResidentId.parse(withCheck(province + "010519800101001"), TODAY).provinceCode());
	}

	@Test
	void impossibleBirthDatesAreNamed() {
		InvalidIdentifierException e = refusal(withCheck("11010519490231002"));
		assertEquals(Problem.BIRTH_DATE, e.problem());
		assertEquals("Resident ID birth date 1949-02-31 is not a real date", e.getMessage());
		assertEquals(Problem.BIRTH_DATE, refusal(withCheck("11010519491301002")).problem());
		assertEquals(Problem.BIRTH_DATE, refusal(withCheck("11010519490100002")).problem());
		assertEquals(Problem.BIRTH_DATE, refusal(withCheck("11010520230229002")).problem());
	}

	@Test
	void leapDayBirthIsAcceptedInLeapYears() {
		ResidentId id = ResidentId.parse(withCheck("11010520040229003"), TODAY);
		assertEquals(LocalDate.of(2004, 2, 29), id.birthDate());
		assertEquals(LocalDate.of(2000, 2, 29), ResidentId.parse(withCheck("11010520000229003"), TODAY).birthDate());
		// 1900 was not a leap year
		assertEquals(Problem.BIRTH_DATE, refusal(withCheck("11010519000229003")).problem());
	}

	@Test
	void birthBefore1900IsRefusedEvenWithCorrectCheckDigit() {
		// 440524188001010014: the check digit 4 is right (sum 195, mod 11 = 8), the year is not.
		InvalidIdentifierException e = refusal("440524188001010014");
		assertEquals(Problem.BIRTH_DATE, e.problem());
		assertEquals("Resident ID birth date 1880-01-01 is before 1900", e.getMessage());
		assertEquals(LocalDate.of(1900, 1, 1), ResidentId.parse(withCheck("11010519000101001"), TODAY).birthDate());
	}

	@Test
	void birthAfterTodayIsRefused() {
		InvalidIdentifierException e = refusal(withCheck("11010520250616001"));
		assertEquals(Problem.BIRTH_DATE, e.problem());
		assertEquals("Resident ID birth date 2025-06-16 is in the future", e.getMessage());
		assertEquals(TODAY, ResidentId.parse(withCheck("11010520250615001"), TODAY).birthDate());
	}

	@Test
	void wrongCheckDigitSaysWhatItShouldBe() {
		InvalidIdentifierException e = refusal("110105194912310025");
		assertEquals(Problem.CHECKSUM, e.problem());
		assertEquals("Resident ID check digit is 5 but should be X", e.getMessage());
		assertEquals("Resident ID check digit is X but should be 1", refusal("11010519491231001X").getMessage());
	}

	@Test
	void everySingleDigitChangeIsCaught() {
		for (int position = 0; position < 17; position++) {
			for (char digit = '0'; digit <= '9'; digit++) {
				if (digit == MALE_1949.charAt(position)) {
					continue;
				}
				String changed = MALE_1949.substring(0, position) + digit + MALE_1949.substring(position + 1);
				assertFalse(ResidentId.validate(changed, TODAY).isValid(), changed);
			}
		}
	}

	@Test
	void everyAdjacentTranspositionIsCaught() {
		String id = withCheck("44030619870512345");
		for (int i = 0; i < 16; i++) {
			if (id.charAt(i) == id.charAt(i + 1)) {
				continue;
			}
			String swapped = id.substring(0, i) + id.charAt(i + 1) + id.charAt(i) + id.substring(i + 2);
			assertFalse(ResidentId.validate(swapped, TODAY).isValid(), swapped);
		}
	}

	@Test
	void validateNeverThrowsAndCarriesTheRefusal() {
		Validation<ResidentId> bad = ResidentId.validate("110105194912310025", TODAY);
		assertFalse(bad.isValid());
		assertEquals(Problem.CHECKSUM, bad.problem().orElseThrow());
		assertEquals("Resident ID check digit is 5 but should be X", bad.message());
		assertTrue(bad.toOptional().isEmpty());
		InvalidIdentifierException thrown = assertThrows(InvalidIdentifierException.class, bad::value);
		assertEquals(Problem.CHECKSUM, thrown.problem());

		assertEquals(Problem.EMPTY, ResidentId.validate(null).problem().orElseThrow());
		assertEquals(Problem.LENGTH, ResidentId.validate("\uD83D\uDE00").problem().orElseThrow());

		Validation<ResidentId> good = ResidentId.validate(FEMALE_1949);
		assertTrue(good.isValid());
		assertEquals("", good.message());
		assertEquals(FEMALE_1949, good.value().value());
		assertTrue(good.problem().isEmpty());
	}

	@Test
	void ageCountsCompletedYearsFromTheBirthdayItself() {
		ResidentId id = ResidentId.parse(withCheck("11010519650615002"), TODAY);
		assertEquals(59, id.ageOn(LocalDate.of(2025, 6, 14)));
		assertEquals(60, id.ageOn(LocalDate.of(2025, 6, 15)));
		assertEquals(0, id.ageOn(LocalDate.of(1965, 6, 15)));
		assertThrows(IllegalArgumentException.class, () -> id.ageOn(LocalDate.of(1965, 6, 14)));
	}

	@Test
	void leapDayBabyCompletesTheYearOnFirstOfMarchInCommonYears() {
		ResidentId id = ResidentId.parse(withCheck("11010520040229003"), TODAY);
		assertEquals(18, id.ageOn(LocalDate.of(2023, 2, 28)));
		assertEquals(19, id.ageOn(LocalDate.of(2023, 3, 1)));
		assertEquals(20, id.ageOn(LocalDate.of(2024, 2, 29)));
	}

	@Test
	void maskHidesTheBirthDate() {
		assertEquals("110105********002X", ResidentId.parse(FEMALE_1949, TODAY).masked());
	}

	@Test
	void equalityIsByNormalizedValue() {
		assertEquals(ResidentId.parse(FEMALE_1949, TODAY).hashCode(),
				ResidentId.parse("11010519491231002x", TODAY).hashCode());
		assertTrue(ResidentId.parse(MALE_1949, TODAY).compareTo(ResidentId.parse(FEMALE_1949, TODAY)) < 0);
	}
}
