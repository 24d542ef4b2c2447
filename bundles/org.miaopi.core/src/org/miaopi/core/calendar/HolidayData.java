package org.miaopi.core.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** Reads the holiday data format described at the top of {@code cn-holidays.txt}. */
final class HolidayData {

	/** One listed day: whether it is off or worked, and what it is for. */
	record Entry(DayKind kind, String occasion, int line) {
	}

	final TreeSet<Year> years = new TreeSet<>();
	final Map<LocalDate, Entry> days = new HashMap<>();

	private final String source;
	private int lineNumber;

	private HolidayData(String source) {
		this.source = source;
	}

	static HolidayData read(BufferedReader reader, String source) throws IOException {
		HolidayData data = new HolidayData(source);
		for (String line; (line = reader.readLine()) != null; ) {
			data.lineNumber++;
			data.readLine(line.strip());
		}
		return data;
	}

	private void readLine(String line) {
		if (line.isEmpty() || line.startsWith("#")) {
			return;
		}
		String[] words = line.split("\\s+", 3);
		if (words[0].equals("year")) {
			readYear(words);
			return;
		}
		if (words.length < 3) {
			throw error("expected 'DATE[..DATE] holiday|workday NAME' or 'year YYYY NOTICE' but got '" + line + "'");
		}
		DayKind kind = switch (words[1]) {
			case "holiday" -> DayKind.HOLIDAY;
			case "workday" -> DayKind.MAKE_UP_WORKDAY;
			default -> throw error("unknown day kind '" + words[1] + "', expected holiday or workday");
		};
		String[] range = words[0].split("\\.\\.", -1);
		if (range.length > 2) {
			throw error("a range is written FROM..TO, got '" + words[0] + "'");
		}
		LocalDate from = date(range[0]);
		LocalDate to = range.length == 2 ? date(range[1]) : from;
		if (to.isBefore(from)) {
			throw error("range ends on " + to + ", before it starts on " + from);
		}
		if (kind == DayKind.MAKE_UP_WORKDAY && !from.equals(to)) {
			throw error("a make-up working day is a single date, not a range");
		}
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			add(d, kind, words[2]);
		}
	}

	private void readYear(String[] words) {
		Year year;
		try {
			year = Year.parse(words.length > 1 ? words[1] : "");
		} catch (DateTimeParseException e) {
			throw error("'year' must be followed by a four-digit year");
		}
		if (!years.add(year)) {
			throw error("year " + year + " is declared twice");
		}
	}

	private void add(LocalDate day, DayKind kind, String occasion) {
		if (!years.contains(Year.from(day))) {
			throw error(day + " is in " + day.getYear() + ", which has no 'year " + day.getYear()
					+ "' line before it");
		}
		boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
		if (kind == DayKind.MAKE_UP_WORKDAY && !weekend) {
			// A make-up day on a weekday changes nothing, so it is surely a typo in the date.
			throw error(day + " is a " + day.getDayOfWeek() + "; make-up working days fall on weekends");
		}
		Entry previous = days.putIfAbsent(day, new Entry(kind, occasion.strip(), lineNumber));
		if (previous != null) {
			throw error(day + " is already listed on line " + previous.line());
		}
	}

	private LocalDate date(String text) {
		try {
			return LocalDate.parse(text);
		} catch (DateTimeParseException e) {
			throw error("'" + text + "' is not a date of the form YYYY-MM-DD");
		}
	}

	private CalendarDataException error(String problem) {
		return new CalendarDataException(source, lineNumber, problem);
	}
}
