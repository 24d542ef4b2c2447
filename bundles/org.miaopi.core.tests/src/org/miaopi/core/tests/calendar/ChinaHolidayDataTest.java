package org.miaopi.core.tests.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.DayKind;
import org.miaopi.core.calendar.WorkingDayCalendar;

/**
 * The bundled data against the State Council notices (国办发明电〔2023〕7号, 〔2024〕12号,
 * 〔2025〕7号), written out here a second time so that a slip in either copy shows.
 */
class ChinaHolidayDataTest {

	private static final WorkingDayCalendar CHINA = WorkingDayCalendar.china();

	private static final String[] HOLIDAYS = {
		"2024-01-01", "2024-02-10..2024-02-17", "2024-04-04..2024-04-06", "2024-05-01..2024-05-05",
		"2024-06-10", "2024-09-15..2024-09-17", "2024-10-01..2024-10-07",
		"2025-01-01", "2025-01-28..2025-02-04", "2025-04-04..2025-04-06", "2025-05-01..2025-05-05",
		"2025-05-31..2025-06-02", "2025-10-01..2025-10-08",
		"2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06", "2026-05-01..2026-05-05",
		"2026-06-19..2026-06-21", "2026-09-25..2026-09-27", "2026-10-01..2026-10-07",
	};

	private static final String[] MAKE_UP_DAYS = {
		"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
		"2024-10-12",
		"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
		"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
	};

	private static List<LocalDate> daysOf(DayKind kind) {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = LocalDate.of(2024, 1, 1); d.getYear() <= 2026; d = d.plusDays(1)) {
			if (CHINA.kindOf(d) == kind) {
				days.add(d);
			}
		}
		return days;
	}

	private static List<LocalDate> expand(String... ranges) {
		List<LocalDate> days = new ArrayList<>();
		for (String range : ranges) {
			String[] ends = range.split("\\.\\.");
			LocalDate to = LocalDate.parse(ends[ends.length - 1]);
			for (LocalDate d = LocalDate.parse(ends[0]); !d.isAfter(to); d = d.plusDays(1)) {
				days.add(d);
			}
		}
		days.sort(null);
		return days;
	}

	@Test
	void coversExactlyTheAnnouncedYears() {
		assertEquals(new TreeSet<>(List.of(Year.of(2024), Year.of(2025), Year.of(2026))), CHINA.coveredYears());
	}

	@Test
	void holidaysAreExactlyTheAnnouncedOnes() {
		assertEquals(expand(HOLIDAYS), daysOf(DayKind.HOLIDAY));
	}

	@Test
	void makeUpWorkingDaysAreExactlyTheAnnouncedOnes() {
		assertEquals(expand(MAKE_UP_DAYS), daysOf(DayKind.MAKE_UP_WORKDAY));
	}

	@Test
	void workingDaysPerYear() {
		// 2024: 262 weekdays - 19 weekday holidays + 8 make-up days; 2025 and 2026: 261 - 18|19 + 5|6.
		assertEquals(List.of(251, 248, 248), List.of(workingDaysIn(2024), workingDaysIn(2025), workingDaysIn(2026)));
	}

	private static int workingDaysIn(int year) {
		return CHINA.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
	}

	@Test
	void occasionsAreNamedInBothLanguages() {
		assertEquals("春节 Spring Festival", CHINA.occasion(LocalDate.of(2026, 2, 17)).orElseThrow());
		assertEquals("国庆节、中秋节 National Day and Mid-Autumn Festival",
				CHINA.occasion(LocalDate.of(2025, 10, 6)).orElseThrow());
		assertEquals("春节调休 Spring Festival make-up day", CHINA.occasion(LocalDate.of(2024, 2, 4)).orElseThrow());
		assertEquals(java.util.Optional.empty(), CHINA.occasion(LocalDate.of(2024, 3, 1)));
	}
}
