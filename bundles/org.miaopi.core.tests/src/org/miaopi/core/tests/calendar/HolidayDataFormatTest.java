package org.miaopi.core.tests.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;

import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.CalendarDataException;
import org.miaopi.core.calendar.DayKind;
import org.miaopi.core.calendar.WorkingDayCalendar;

class HolidayDataFormatTest {

	private static final String HEADER = "# test data\n\nyear 2030 made up for the test\n";

	private static CalendarDataException error(String text) {
		return assertThrows(CalendarDataException.class, () -> WorkingDayCalendar.parse(text, "test.txt"));
	}

	private static void assertError(int line, String fragment, String text) {
		CalendarDataException e = error(text);
		assertEquals(line, e.lineNumber(), e.getMessage());
		assertEquals("test.txt", e.source());
		assertTrue(e.getMessage().startsWith("test.txt, line " + line + ": "), e.getMessage());
		assertTrue(e.getMessage().contains(fragment), e.getMessage());
	}

	@Test
	void readsRangesMakeUpDaysAndUtf8Names() throws IOException {
		String text = HEADER + "2030-02-02..2030-02-08 holiday 春节 Spring Festival\n"
				+ "  2030-02-09 workday 春节调休  \n";
		WorkingDayCalendar calendar = WorkingDayCalendar.load(
				new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.txt");
		assertEquals(java.util.Set.of(Year.of(2030)), calendar.coveredYears());
		assertEquals(DayKind.HOLIDAY, calendar.kindOf(LocalDate.of(2030, 2, 4)));
		assertEquals(DayKind.MAKE_UP_WORKDAY, calendar.kindOf(LocalDate.of(2030, 2, 9)));
		assertEquals("春节调休", calendar.occasion(LocalDate.of(2030, 2, 9)).orElseThrow());
		assertEquals(DayKind.WEEKDAY, calendar.kindOf(LocalDate.of(2030, 2, 1)));
	}

	@Test
	void badDateNamesTheLine() {
		assertError(4, "'2030-02-30' is not a date", HEADER + "2030-02-30 holiday x\n");
	}

	@Test
	void unknownKind() {
		assertError(5, "unknown day kind 'holyday'", HEADER + "\n2030-02-04 holyday x\n");
	}

	@Test
	void missingName() {
		assertError(4, "expected", HEADER + "2030-02-04 holiday\n");
	}

	@Test
	void reversedRange() {
		assertError(4, "before it starts", HEADER + "2030-02-08..2030-02-02 holiday x\n");
	}

	@Test
	void malformedRange() {
		assertError(4, "FROM..TO", HEADER + "2030-02-02..2030-02-03..2030-02-04 holiday x\n");
	}

	@Test
	void makeUpDayOnAWeekdayIsATypo() {
		assertError(4, "2030-02-04 is a MONDAY", HEADER + "2030-02-04 workday x\n");
	}

	@Test
	void makeUpDayIsASingleDate() {
		assertError(4, "single date", HEADER + "2030-02-09..2030-02-10 workday x\n");
	}

	@Test
	void duplicateDayNamesTheFirstLine() {
		assertError(5, "2030-02-05 is already listed on line 4",
				HEADER + "2030-02-04..2030-02-06 holiday a\n2030-02-05 holiday b\n");
	}

	@Test
	void dayOfAnUndeclaredYear() {
		assertError(4, "no 'year 2031' line", HEADER + "2031-01-01 holiday x\n");
		assertError(1, "no 'year 2030' line", "2030-01-01 holiday x\nyear 2030\n");
	}

	@Test
	void yearTwiceOrMalformed() {
		assertError(4, "declared twice", HEADER + "year 2030\n");
		assertError(1, "four-digit year", "year twenty\n");
		assertError(1, "four-digit year", "year\n");
	}
}
