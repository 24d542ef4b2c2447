package org.miaopi.core.tests.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.DayKind;
import org.miaopi.core.calendar.WorkingDayCalendar;

class WorkingDayCalendarTest {

	private static final WorkingDayCalendar CHINA = WorkingDayCalendar.china();

	private static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	private static void assertOff(String... days) {
		for (String day : days) {
			assertFalse(CHINA.isWorkingDay(d(day)), day + " should be a day off");
		}
	}

	private static void assertWorked(String... days) {
		for (String day : days) {
			assertTrue(CHINA.isWorkingDay(d(day)), day + " should be a working day");
		}
	}

	@Test
	void springFestival2024() {
		assertWorked("2024-02-04", "2024-02-08", "2024-02-09", "2024-02-18", "2024-02-19");
		assertOff("2024-02-10", "2024-02-12", "2024-02-16", "2024-02-17");
		// received the day before New Year's Eve: Fri 9, Sun 18 (make-up), Mon 19, Tue 20, Wed 21
		assertEquals(d("2024-02-21"), CHINA.addWorkingDays(d("2024-02-08"), 5));
	}

	@Test
	void springFestival2025() {
		assertWorked("2025-01-26", "2025-01-27", "2025-02-05", "2025-02-08");
		assertOff("2025-01-25", "2025-01-28", "2025-01-31", "2025-02-03", "2025-02-04", "2025-02-09");
		// Sun 26 (make-up), Mon 27, then eight days off, Wed 5 February
		assertEquals(d("2025-02-05"), CHINA.addWorkingDays(d("2025-01-24"), 3));
	}

	@Test
	void springFestival2026() {
		assertWorked("2026-02-13", "2026-02-14", "2026-02-24", "2026-02-28");
		assertOff("2026-02-15", "2026-02-16", "2026-02-20", "2026-02-23", "2026-03-01");
		assertEquals(d("2026-02-24"), CHINA.addWorkingDays(d("2026-02-12"), 3));
		// nine days off, all in (13 Feb, 24 Feb) except the make-up Saturday
		assertEquals(2, CHINA.workingDaysBetween(d("2026-02-13"), d("2026-02-24")));
	}

	@Test
	void nationalDay2024() {
		assertWorked("2024-09-29", "2024-09-30", "2024-10-08", "2024-10-12");
		assertOff("2024-09-28", "2024-10-01", "2024-10-04", "2024-10-07", "2024-10-13");
		// Sun 29, Mon 30, Tue 8 … Fri 11, Sat 12
		assertEquals(7, CHINA.workingDaysBetween(d("2024-09-27"), d("2024-10-12")));
	}

	@Test
	void nationalDay2025LastsEightDays() {
		assertOff("2025-10-01", "2025-10-06", "2025-10-07", "2025-10-08");
		assertWorked("2025-09-28", "2025-09-30", "2025-10-09", "2025-10-11");
		assertEquals(d("2025-10-09"), CHINA.addWorkingDays(d("2025-09-30"), 1));
		assertEquals(DayKind.HOLIDAY, CHINA.kindOf(d("2025-10-08")));
	}

	@Test
	void makeUpWeekendDaysAreWorkingDays() {
		for (String day : new String[] {"2024-04-07", "2024-05-11", "2025-04-27", "2026-05-09", "2026-09-20"}) {
			DayOfWeek dow = d(day).getDayOfWeek();
			assertTrue(dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY, day);
			assertEquals(DayKind.MAKE_UP_WORKDAY, CHINA.kindOf(d(day)), day);
			assertTrue(CHINA.isWorkingDay(d(day)), day);
		}
		// a make-up Saturday can itself be the deadline: Fri 26 Apr 2024 + 1 = Sun 28 Apr
		assertEquals(d("2024-04-28"), CHINA.addWorkingDays(d("2024-04-26"), 1));
	}

	@Test
	void deadlineAcrossNewYear2026() {
		// Wed 31 Dec, then 1–3 Jan off, Sun 4 Jan make-up, Mon 5 Jan
		assertEquals(d("2026-01-05"), CHINA.addWorkingDays(d("2025-12-30"), 3));
		assertEquals(d("2026-01-04"), CHINA.addWorkingDays(d("2025-12-31"), 1));
		assertEquals(3, CHINA.workingDaysBetween(d("2025-12-30"), d("2026-01-05")));
	}

	@Test
	void leapDay2024() {
		assertEquals(DayKind.WEEKDAY, CHINA.kindOf(d("2024-02-29")));
		assertEquals(d("2024-02-29"), CHINA.addWorkingDays(d("2024-02-28"), 1));
		assertEquals(d("2024-03-01"), CHINA.addWorkingDays(d("2024-02-28"), 2));
		assertEquals(d("2024-03-04"), CHINA.addWorkingDays(d("2024-02-29"), 2));
	}

	@Test
	void tenWorkingDayTimeLimitOverMayDay2026() {
		// received Wed 29 Apr: 30 Apr, [1–5 May off], 6, 7, 8, Sat 9 (make-up), 11, 12, 13, 14, 15
		assertEquals(d("2026-05-15"), CHINA.addWorkingDays(d("2026-04-29"), 10));
	}

	@Test
	void zeroDaysIsTheStartItself() {
		assertEquals(d("2026-02-16"), CHINA.addWorkingDays(d("2026-02-16"), 0));
		assertEquals(0, CHINA.workingDaysBetween(d("2026-02-16"), d("2026-02-16")));
	}

	@Test
	void negativeCountsGoBackwards() {
		assertEquals(d("2024-02-09"), CHINA.addWorkingDays(d("2024-02-18"), -1));
		assertEquals(d("2024-02-08"), CHINA.addWorkingDays(d("2024-02-18"), -2));
	}

	@Test
	void workingDaysLeftTurnsNegativeTheDayAfterTheDeadline() {
		LocalDate friday = d("2025-03-14");
		assertEquals(1, CHINA.workingDaysBetween(d("2025-03-13"), friday));
		assertEquals(0, CHINA.workingDaysBetween(friday, friday));
		assertEquals(-1, CHINA.workingDaysBetween(d("2025-03-15"), friday), "Saturday after a Friday deadline");
		assertEquals(-1, CHINA.workingDaysBetween(d("2025-03-17"), friday), "the Monday after");
		assertEquals(-2, CHINA.workingDaysBetween(d("2025-03-18"), friday));
		// a Friday deadline seen from the weekend before: Mon–Fri
		assertEquals(5, CHINA.workingDaysBetween(d("2025-03-08"), friday));
	}

	@Test
	void countingBackFromAnAddedDeadlineGivesTheSameNumber() {
		for (LocalDate start = d("2023-12-01"); start.isBefore(d("2027-01-31")); start = start.plusDays(1)) {
			for (int n = -25; n <= 25; n++) {
				LocalDate end = CHINA.addWorkingDays(start, n);
				assertEquals(n, CHINA.workingDaysBetween(start, end), start + " + " + n + " = " + end);
				if (n != 0) {
					assertTrue(CHINA.isWorkingDay(end), "a deadline falls on a working day: " + end);
				}
			}
		}
	}

	@Test
	void outsideCoveredYearsOnlyWeekendsAreOff() {
		assertFalse(CHINA.isCovered(d("2027-01-01")));
		assertFalse(CHINA.isCovered(d("2023-10-02")));
		assertTrue(CHINA.isCovered(d("2025-07-01")));
		// New Year's Day 2027 and National Day 2023 are not known: they count as ordinary weekdays
		assertEquals(DayKind.WEEKDAY, CHINA.kindOf(d("2027-01-01")));
		assertTrue(CHINA.isWorkingDay(d("2023-10-02")));
		assertFalse(CHINA.isWorkingDay(d("2027-01-02")));
		assertEquals(d("2027-01-04"), CHINA.addWorkingDays(d("2026-12-31"), 2));
	}

	@Test
	void rangeCoverage() {
		assertTrue(CHINA.isCovered(d("2024-01-01"), d("2026-12-31")));
		assertTrue(CHINA.isCovered(d("2026-12-31"), d("2024-01-01")));
		assertFalse(CHINA.isCovered(d("2026-12-20"), d("2027-01-05")));
		assertFalse(CHINA.isCovered(d("2023-12-31"), d("2024-01-02")));
	}

	@Test
	void weekendsOnlyCalendarCoversNothing() {
		WorkingDayCalendar plain = WorkingDayCalendar.weekendsOnly();
		assertTrue(plain.coveredYears().isEmpty());
		assertTrue(plain.isWorkingDay(d("2025-10-01")));
		assertFalse(plain.isWorkingDay(d("2024-02-04")));
	}
}
