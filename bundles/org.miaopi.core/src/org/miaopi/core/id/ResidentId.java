package org.miaopi.core.id;

import static org.miaopi.core.id.IdentifierInput.refuse;
import static org.miaopi.core.id.IdentifierInput.show;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Set;

import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.id.InvalidIdentifierException.Problem;

/**
 * An 18-character citizen identity number (GB 11643-1999): 6-digit area code, 8-digit birth
 * date, 3-digit sequence (odd for men) and an ISO 7064 MOD 11-2 check character.
 * Instances are always valid and hold the normalized form (half-width, upper-case X).
 */
public final class ResidentId implements Comparable<ResidentId> {

	public static final int LENGTH = 18;

	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	private static final char[] CHECK_CHARS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	/*
	 * Province-level codes of GB/T 2260. 71 is Taiwan; 81, 82 and 83 appear on the residence
	 * permits of Hong Kong, Macao and Taiwan residents, which carry numbers in the same format.
	 */
	private static final Set<String> PROVINCES = Set.of(
			"11", "12", "13", "14", "15", "21", "22", "23",
			"31", "32", "33", "34", "35", "36", "37",
			"41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
			"61", "62", "63", "64", "65", "71", "81", "82", "83");

	private final String value;

	private ResidentId(String value) {
		this.value = value;
	}

	/** Parses with "today" taken as the current Beijing date. */
	public static ResidentId parse(String text) {
		return parse(text, ChinaTime.today());
	}

	/**
	 * @param today the date a birth date must not be after; tests and the demo generator pass a
	 *              fixed date so their results do not change over time
	 * @throws InvalidIdentifierException naming the first rule the text breaks
	 */
	public static ResidentId parse(String text, LocalDate today) {
		Objects.requireNonNull(today, "today");
		String id = IdentifierInput.normalize(text);
		if (id == null || id.isEmpty()) {
			throw refuse(Problem.EMPTY, "resident.empty");
		}
		if (id.length() != LENGTH) {
			throw refuse(Problem.LENGTH, "resident.length", id.length());
		}
		for (int i = 0; i < LENGTH - 1; i++) {
			if (!isAsciiDigit(id.charAt(i))) {
				throw refuse(Problem.CHARACTERS, "resident.characters", show(id.charAt(i)), i + 1);
			}
		}
		char last = id.charAt(LENGTH - 1);
		if (!isAsciiDigit(last) && last != 'X') {
			throw refuse(Problem.CHARACTERS, "resident.characters.last", show(last));
		}
		if (!PROVINCES.contains(id.substring(0, 2))) {
			throw refuse(Problem.PROVINCE, "resident.province", id.substring(0, 6), id.substring(0, 2));
		}
		checkBirthDate(id.substring(6, 14), today);
		char expected = checkDigit(id.substring(0, LENGTH - 1));
		if (last != expected) {
			throw refuse(Problem.CHECKSUM, "resident.checksum", last, expected);
		}
		return new ResidentId(id);
	}

	public static Validation<ResidentId> validate(String text) {
		return validate(text, ChinaTime.today());
	}

	public static Validation<ResidentId> validate(String text, LocalDate today) {
		try {
			return Validation.valid(parse(text, today));
		} catch (InvalidIdentifierException e) {
			return Validation.invalid(e);
		}
	}

	/**
	 * The check character for the first 17 digits; the demo generator and tests build valid
	 * numbers with it.
	 *
	 * @throws IllegalArgumentException unless {@code first17} is exactly 17 ASCII digits
	 */
	public static char checkDigit(CharSequence first17) {
		if (first17 == null || first17.length() != LENGTH - 1) {
			throw new IllegalArgumentException("need exactly 17 digits, got " + first17);
		}
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			char c = first17.charAt(i);
			if (!isAsciiDigit(c)) {
				throw new IllegalArgumentException("not a digit at position " + (i + 1) + ": " + c);
			}
			sum += (c - '0') * WEIGHTS[i];
		}
		return CHECK_CHARS[sum % 11];
	}

	private static void checkBirthDate(String yyyymmdd, LocalDate today) {
		String shown = yyyymmdd.substring(0, 4) + "-" + yyyymmdd.substring(4, 6) + "-" + yyyymmdd.substring(6);
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
					Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6)));
		} catch (DateTimeException e) {
			throw refuse(Problem.BIRTH_DATE, "resident.birthDate.invalid", shown);
		}
		if (birth.isBefore(EARLIEST_BIRTH)) {
			throw refuse(Problem.BIRTH_DATE, "resident.birthDate.before1900", shown);
		}
		if (birth.isAfter(today)) {
			throw refuse(Problem.BIRTH_DATE, "resident.birthDate.future", shown);
		}
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** The normalized 18 characters. */
	public String value() {
		return value;
	}

	/** The 6-digit administrative division code of the place of first registration. */
	public String areaCode() {
		return value.substring(0, 6);
	}

	public String provinceCode() {
		return value.substring(0, 2);
	}

	public LocalDate birthDate() {
		return LocalDate.of(Integer.parseInt(value.substring(6, 10)),
				Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
	}

	public Sex sex() {
		return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
	}

	/**
	 * Completed years of age (周岁) on {@code date}; a birthday counts from the day itself, and a
	 * person born on 29 February completes a year on 1 March in common years.
	 *
	 * @throws IllegalArgumentException if {@code date} is before the birth date
	 */
	public int ageOn(LocalDate date) {
		LocalDate birth = birthDate();
		if (date.isBefore(birth)) {
			throw new IllegalArgumentException(date + " is before the birth date " + birth);
		}
		return Period.between(birth, date).getYears();
	}

	/** Masked for screens and logs that must not expose the full number, e.g. 110105********002X. */
	public String masked() {
		return value.substring(0, 6) + "********" + value.substring(14);
	}

	@Override
	public int compareTo(ResidentId other) {
		return value.compareTo(other.value);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ResidentId other && value.equals(other.value);
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
