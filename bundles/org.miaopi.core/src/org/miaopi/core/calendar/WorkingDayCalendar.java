package org.miaopi.core.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Working days (工作日) of the PRC: Monday to Friday, except official holidays, plus the
 * weekend days worked to make up for them (调休). Committed time limits are counted on it.
 *
 * <p>The holidays are data, not code: {@link #china()} reads {@code cn-holidays.txt} beside
 * this class. Only the years that file declares are <em>covered</em>. For any other year the
 * calendar knows no holidays and simply treats Saturday and Sunday as days off, which is
 * right for most of the year but wrong around festivals; callers should check
 * {@link #isCovered(LocalDate, LocalDate)} and warn that such a deadline is provisional.
 */
public final class WorkingDayCalendar {

	public static final String CHINA_RESOURCE = "cn-holidays.txt";
	/** Years whose working days are counted ahead (widened to the covered years); outside them days are walked. */
	private static final int COUNTED_FROM = 2000;
	private static final int COUNTED_TO = 2100;

	private final SortedSet<Year> coveredYears;
	private final Map<LocalDate, HolidayData.Entry> days;
	/** Epoch day of {@code counted[0]}'s day. */
	private final long firstCounted;
	/**
	 * {@code counted[i]}: working days before the day {@code firstCounted + i}, so that supervision's
	 * clocks of a hundred thousand cases count a span by one subtraction instead of a walk day by day.
	 */
	private final int[] counted;

	private WorkingDayCalendar(HolidayData data) {
		this.coveredYears = Collections.unmodifiableSortedSet(new TreeSet<>(data.years));
		this.days = Map.copyOf(data.days);
		int first = Math.min(COUNTED_FROM, coveredYears.isEmpty() ? COUNTED_FROM : coveredYears.first().getValue());
		int last = Math.max(COUNTED_TO, coveredYears.isEmpty() ? COUNTED_TO : coveredYears.last().getValue());
		this.firstCounted = LocalDate.of(first, 1, 1).toEpochDay();
		int n = (int) (LocalDate.of(last + 1, 1, 1).toEpochDay() - firstCounted);
		this.counted = new int[n + 1];
		LocalDate d = LocalDate.ofEpochDay(firstCounted);
		for (int i = 0; i < n; i++, d = d.plusDays(1)) {
			counted[i + 1] = counted[i] + (isWorkingDay(d) ? 1 : 0);
		}
	}

	/** The official PRC calendar bundled with Miaopi. */
	public static WorkingDayCalendar china() {
		return ChinaHolder.CHINA;
	}

	/** A calendar that covers no year: weekends only. */
	public static WorkingDayCalendar weekendsOnly() {
		return parse("", "(empty)");
	}

	/**
	 * Reads holiday data in UTF-8; the stream is not closed.
	 *
	 * @param source names the data in error messages, e.g. a file name
	 * @throws CalendarDataException naming the line of the first error
	 */
	public static WorkingDayCalendar load(InputStream in, String source) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		return new WorkingDayCalendar(HolidayData.read(reader, source));
	}

	/** @throws CalendarDataException naming the line of the first error */
	public static WorkingDayCalendar parse(String text, String source) {
		try {
			return new WorkingDayCalendar(HolidayData.read(new BufferedReader(new StringReader(text)), source));
		} catch (IOException e) {
			throw new UncheckedIOException(e); // a StringReader does not fail
		}
	}

	public DayKind kindOf(LocalDate date) {
		Objects.requireNonNull(date, "date");
		HolidayData.Entry entry = days.get(date);
		if (entry != null) {
			return entry.kind();
		}
		DayOfWeek dow = date.getDayOfWeek();
		return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.WEEKDAY;
	}

	public boolean isWorkingDay(LocalDate date) {
		return kindOf(date).isWorking();
	}

	/** The holiday or make-up occasion of a listed day, e.g. "春节 Spring Festival". */
	public Optional<String> occasion(LocalDate date) {
		return Optional.ofNullable(days.get(date)).map(HolidayData.Entry::occasion);
	}

	/**
	 * The {@code n}-th working day after {@code start} ({@code start} itself is not counted,
	 * as a time limit runs from the day after receipt); for negative {@code n} the
	 * {@code |n|}-th working day before it; {@code start} itself for 0.
	 * For every start and n: {@code workingDaysBetween(start, addWorkingDays(start, n)) == n}.
	 */
	public LocalDate addWorkingDays(LocalDate start, int n) {
		Objects.requireNonNull(start, "start");
		int step = n >= 0 ? 1 : -1;
		LocalDate day = start;
		for (int remaining = Math.abs(n); remaining > 0; ) {
			day = day.plusDays(step);
			if (isWorkingDay(day)) {
				remaining--;
			}
		}
		return day;
	}

	/**
	 * Signed working days from {@code from} to {@code to}: "working days left" when
	 * {@code from} is today and {@code to} a deadline.
	 * <ul>
	 * <li>{@code to} after {@code from}: the working days in (from, to], so a deadline of
	 * tomorrow is 1 and of today is 0;</li>
	 * <li>{@code to} before {@code from}: minus the working days in [to, from), so the day after
	 * a deadline is -1 even when that day is a weekend, i.e. a negative value means overdue.</li>
	 * </ul>
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		long f = from.toEpochDay() - firstCounted;
		long t = to.toEpochDay() - firstCounted;
		if (f >= 0 && t >= 0 && f + 1 < counted.length && t + 1 < counted.length) {
			// (from, to] is counted[t + 1] - counted[f + 1]; [to, from) is counted[f] - counted[t]
			return t > f ? counted[(int) t + 1] - counted[(int) f + 1] : -(counted[(int) f] - counted[(int) t]);
		}
		int count = 0;
		if (to.isAfter(from)) {
			for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
				count += isWorkingDay(d) ? 1 : 0;
			}
			return count;
		}
		for (LocalDate d = to; d.isBefore(from); d = d.plusDays(1)) {
			count += isWorkingDay(d) ? 1 : 0;
		}
		return -count;
	}

	/** The years whose official holidays this calendar knows, ascending. */
	public SortedSet<Year> coveredYears() {
		return coveredYears;
	}

	public boolean isCovered(LocalDate date) {
		return coveredYears.contains(Year.from(date));
	}

	/** Whether every day from {@code from} to {@code to} (either order, inclusive) is covered. */
	public boolean isCovered(LocalDate from, LocalDate to) {
		int first = Math.min(from.getYear(), to.getYear());
		int last = Math.max(from.getYear(), to.getYear());
		for (int y = first; y <= last; y++) {
			if (!coveredYears.contains(Year.of(y))) {
				return false;
			}
		}
		return true;
	}

	private static final class ChinaHolder {
		static final WorkingDayCalendar CHINA = loadChina();

		private static WorkingDayCalendar loadChina() {
			try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(CHINA_RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException(CHINA_RESOURCE + " is missing beside "
							+ WorkingDayCalendar.class.getName());
				}
				return load(in, CHINA_RESOURCE);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}
}
