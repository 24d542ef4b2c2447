package org.miaopi.core.tests.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.WorkingDayCalendar;

/**
 * {@link WorkingDayCalendar#workingDaysBetween} counts spans from a table of working days counted ahead
 * (supervision's clocks ask it millions of times); it must say what walking the days one by one says,
 * across holidays and make-up working days, at the ends of the counted years and beyond them.
 */
class CountedWorkingDaysTest {

	private static final WorkingDayCalendar CHINA = WorkingDayCalendar.china();

	/** The definition, day by day: (from, to] when to is later, minus [to, from) when earlier. */
	private static int walked(WorkingDayCalendar cal, LocalDate from, LocalDate to) {
		int n = 0;
		if (to.isAfter(from)) {
			for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
				n += cal.isWorkingDay(d) ? 1 : 0;
			}
			return n;
		}
		for (LocalDate d = to; d.isBefore(from); d = d.plusDays(1)) {
			n += cal.isWorkingDay(d) ? 1 : 0;
		}
		return -n;
	}

	private static void sameAsWalked(WorkingDayCalendar cal, LocalDate first, LocalDate last, int span) {
		for (LocalDate a = first; !a.isAfter(last); a = a.plusDays(1)) {
			for (int k = -span; k <= span; k++) {
				LocalDate b = a.plusDays(k);
				assertEquals(walked(cal, a, b), cal.workingDaysBetween(a, b), a + " to " + b);
			}
		}
	}

	@Test
	void everySpanAroundTheHolidaysAndMakeUpDaysOf2025And2026CountsAsWalked() {
		// National Day 2025 (make-up 28 September, 11 October), New Year and Spring Festival 2026 (make-up
		// 4 January, 14 and 28 February), Labour Day, Mid-Autumn and National Day 2026 (make-up 20 September, 10 October)
		sameAsWalked(CHINA, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 10, 31), 45);
		assertEquals(4, CHINA.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12)),
				"after 30 Sep 2026: Thu 8, Fri 9, Sat 10 (make-up) and Mon 12; 1 to 7 October and Sun 11 off");
	}

	@Test
	void spansAtTheEdgesOfTheCountedYearsAndBeyondCountAsWalked() {
		sameAsWalked(CHINA, LocalDate.of(1999, 12, 1), LocalDate.of(2000, 1, 31), 40);
		sameAsWalked(CHINA, LocalDate.of(2100, 12, 1), LocalDate.of(2101, 1, 31), 40);
		LocalDate old = LocalDate.of(1990, 3, 1);
		LocalDate far = LocalDate.of(2150, 3, 1);
		assertEquals(walked(CHINA, old, LocalDate.of(1990, 6, 1)), CHINA.workingDaysBetween(old, LocalDate.of(1990, 6, 1)));
		assertEquals(walked(CHINA, old, LocalDate.of(2001, 1, 5)), CHINA.workingDaysBetween(old, LocalDate.of(2001, 1, 5)));
		assertEquals(walked(CHINA, far, LocalDate.of(2099, 12, 30)), CHINA.workingDaysBetween(far, LocalDate.of(2099, 12, 30)));
		WorkingDayCalendar weekends = WorkingDayCalendar.weekendsOnly();
		sameAsWalked(weekends, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31), 20);
	}

	@Test
	void aCalendarOfItsOwnYearsCountsThemToo() {
		WorkingDayCalendar late = WorkingDayCalendar.parse("year 2120 test\n2120-10-01..2120-10-07 holiday test\n"
				+ "2120-09-29 workday make-up\n", "test");
		sameAsWalked(late, LocalDate.of(2120, 9, 15), LocalDate.of(2120, 10, 20), 20);
	}
}
