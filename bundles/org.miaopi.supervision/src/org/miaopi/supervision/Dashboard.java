package org.miaopi.supervision;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.supervision.CaseRecord;
import org.miaopi.core.supervision.DecisionRecord;
import org.miaopi.supervision.SupervisionService.CaseSignal;

/**
 * The supervisor's dashboard as figures, without a screen: open dossiers by signal per department and
 * matter, the overdue list, and for the last weeks (Monday to Sunday, cases received in the week) each
 * department's volume and on-time rate, the 秒批 share, the override rate and the refusals by reason.
 * The UI only draws these; the CLI and tests read the same numbers.
 */
public final class Dashboard {

	/** Refusals whose decision names no reason code are counted under this key. */
	public static final String NO_REASON = "";

	/** Open dossiers of one department and matter, by their live signal. */
	public record SignalRow(String department, String matter, int green, int warning, int yellow, int red) {
		public int total() {
			return green + warning + yellow + red;
		}
	}

	/** An open dossier past its committed limit: {@code used} of {@code limit} working days, {@code age} in all. */
	public record Overdue(String dossierNo, String department, String matter, String officer, int used, int limit, int age,
			Signal signal) {
		public int over() {
			return used - limit;
		}
	}

	/**
	 * One department's week: cases received; of those decided, how many within the committed limit, by
	 * 秒批, approved by an officer, and of those approvals how many over a mismatch.
	 */
	public record Week(String department, LocalDate monday, int received, int decided, int onTime, int automatic,
			int officerApprovals, int overrides) {
		/** Null while nothing of the week is decided: no rate, not a perfect one. */
		public Double onTimeRate() {
			return decided == 0 ? null : (double) onTime / decided;
		}
	}

	/**
	 * @param weeks            per department and week, oldest week first
	 * @param decided          decided cases among those received in the weeks
	 * @param automatic        of those, decided by 秒批
	 * @param officerApprovals of those, approved by an officer
	 * @param overrides        of the officers' approvals, those over a mismatch
	 * @param refusals         refusals by reason code ({@link #NO_REASON} for none), most first
	 */
	public record Figures(LocalDate today, LocalDate from, List<SignalRow> signals, List<Overdue> overdue, List<Week> weeks,
			int decided, int automatic, int officerApprovals, int overrides, Map<String, Integer> refusals) {

		public double automaticShare() {
			return decided == 0 ? 0 : (double) automatic / decided;
		}

		public double overrideRate() {
			return officerApprovals == 0 ? 0 : (double) overrides / officerApprovals;
		}

		public int open() {
			return signals.stream().mapToInt(SignalRow::total).sum();
		}

		/** Open dossiers with this signal, all departments and matters. */
		public int open(Signal s) {
			return signals.stream().mapToInt(r -> switch (s) {
			case GREEN -> r.green();
			case WARNING -> r.warning();
			case YELLOW -> r.yellow();
			case RED -> r.red();
			}).sum();
		}
	}

	private Dashboard() {
	}

	/** The Monday {@code weeks - 1} weeks before this week's: the first day the dashboard counts. */
	public static LocalDate firstMonday(LocalDate today, int weeks) {
		return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(Math.max(1, weeks) - 1L);
	}

	/**
	 * @param open     the open cases with their signals ({@link SupervisionService#signals})
	 * @param received the cases received from {@code from} to {@code today}
	 */
	public static Figures of(List<CaseSignal> open, Collection<CaseRecord> received, Rules rules,
			WorkingDayCalendar calendar, LocalDate from, LocalDate today) {
		return of(open, received, c -> CaseClock.of(c, rules, calendar, today), from, today);
	}

	/** The same with each decided case's clock from {@code clocks} (kept by {@link CaseCache} between openings). */
	static Figures of(Collection<CaseSignal> open, Collection<CaseRecord> received,
			java.util.function.Function<CaseRecord, CaseClock> clocks, LocalDate from, LocalDate today) {
		Map<String, int[]> bySignal = new TreeMap<>();
		List<Overdue> overdue = new ArrayList<>();
		for (CaseSignal s : open) {
			CaseRecord c = s.record();
			bySignal.computeIfAbsent(c.departmentCode() + "\u0000" + c.matterCode(), k -> new int[4])[s.signal().ordinal()]++;
			if (s.clock().left() < 0) {
				overdue.add(new Overdue(c.number(), c.departmentCode(), c.matterCode(), c.officerId(), s.clock().used(),
						s.clock().limit(), s.clock().age(), s.signal()));
			}
		}
		List<SignalRow> signals = new ArrayList<>();
		bySignal.forEach((k, n) -> {
			String[] dm = k.split("\u0000", 2);
			signals.add(new SignalRow(dm[0], dm[1], n[0], n[1], n[2], n[3]));
		});
		overdue.sort(Comparator.comparingInt(Overdue::over).reversed().thenComparing(Overdue::dossierNo));

		Map<String, Map<LocalDate, int[]>> weeks = new TreeMap<>();
		int decided = 0;
		int automatic = 0;
		int approvals = 0;
		int overrides = 0;
		Map<String, Integer> refusals = new TreeMap<>();
		List<LocalDate> mondays = new ArrayList<>();
		for (LocalDate m = from; !m.isAfter(today); m = m.plusWeeks(1)) {
			mondays.add(m);
		}
		for (CaseRecord c : received) {
			LocalDate day = ChinaTime.dateOf(c.received());
			if (day.isBefore(from) || day.isAfter(today)) {
				continue;
			}
			Map<LocalDate, int[]> dept = weeks.computeIfAbsent(c.departmentCode(), k -> {
				Map<LocalDate, int[]> m = new LinkedHashMap<>();
				mondays.forEach(x -> m.put(x, new int[6]));
				return m;
			});
			int[] w = dept.get(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
			w[0]++;
			DecisionRecord d = c.finalDecision().orElse(null);
			if (d == null || c.isOpen()) {
				continue;
			}
			CaseClock clock = clocks.apply(c);
			w[1]++;
			w[2] += clock.used() <= clock.limit() ? 1 : 0;
			decided++;
			automatic += d.automatic() ? 1 : 0;
			w[3] += d.automatic() ? 1 : 0;
			if (!d.automatic() && d.kind() == DecisionKind.APPROVE) {
				approvals++;
				w[4]++;
				boolean override = c.decisions().stream().anyMatch(DecisionRecord::isOverride);
				overrides += override ? 1 : 0;
				w[5] += override ? 1 : 0;
			}
			if (d.kind() == DecisionKind.REJECT) {
				if (d.reasonCodes().isEmpty()) {
					refusals.merge(NO_REASON, 1, Integer::sum);
				}
				d.reasonCodes().forEach(r -> refusals.merge(r, 1, Integer::sum));
			}
		}
		List<Week> weekRows = new ArrayList<>();
		weeks.forEach((dept, byMonday) -> byMonday.forEach((m, n) -> weekRows.add(new Week(dept, m, n[0], n[1], n[2], n[3],
				n[4], n[5]))));
		Map<String, Integer> byCount = new LinkedHashMap<>();
		refusals.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
				.forEach(e -> byCount.put(e.getKey(), e.getValue()));
		return new Figures(today, from, List.copyOf(signals), List.copyOf(overdue), List.copyOf(weekRows), decided, automatic,
				approvals, overrides, byCount);
	}
}
