package org.miaopi.supervision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.CardLevel;
import org.miaopi.core.supervision.CaseRecord;
import org.miaopi.core.supervision.DecisionRecord;

/**
 * Performance evaluation (绩效评估) of departments, matters or officers over a period, after the
 * scheme in the rules file: {@code score.base} points per calendar month of the period, less
 * {@code score.warnings.points} for every {@code score.warnings.run} warnings, {@code score.yellow.points}
 * per yellow and {@code score.red.points} per red card, plus {@code score.early.points} per case decided
 * {@code score.early.days} working days or more before its limit (at most {@code score.early.cap} a
 * month); never below 0.
 */
public final class Performance {

	public enum By {
		DEPARTMENT, MATTER, OFFICER
	}

	/**
	 * One row of the evaluation.
	 *
	 * @param volume    cases received in the period
	 * @param decided   of those, approved or rejected
	 * @param onTime    of those, within the committed limit
	 * @param meanUsed  mean working days used by the decided cases
	 * @param meanLimit mean committed working days of the decided cases
	 */
	public record Row(String key, int volume, int decided, int onTime, double meanUsed, double meanLimit, int automatic,
			int overrides, int refusals, int warnings, int yellows, int reds, int early, int score) {

		public double onTimeRate() {
			return decided == 0 ? 1.0 : (double) onTime / decided;
		}

		public double automaticShare() {
			return decided == 0 ? 0.0 : (double) automatic / decided;
		}
	}

	private Performance() {
	}

	public static List<Row> evaluate(Collection<CaseRecord> cases, Collection<Card> cards, By by, LocalDate from,
			LocalDate to, Rules rules, WorkingDayCalendar calendar, LocalDate today) {
		return evaluate(cases, cards, by, from, to, rules, c -> CaseClock.of(c, rules, calendar, today));
	}

	/** The same with each decided case's clock from {@code clocks} (kept by {@link CaseCache} between runs). */
	static List<Row> evaluate(Collection<CaseRecord> cases, Collection<Card> cards, By by, LocalDate from, LocalDate to,
			Rules rules, Function<CaseRecord, CaseClock> clocks) {
		Function<CaseRecord, String> caseKey = switch (by) {
		case DEPARTMENT -> CaseRecord::departmentCode;
		case MATTER -> CaseRecord::matterCode;
		case OFFICER -> c -> String.valueOf(SignalRules.officerOf(c));
		};
		Function<Card, String> cardKey = switch (by) {
		case DEPARTMENT -> Card::departmentCode;
		case MATTER -> k -> String.valueOf(k.matterCode());
		case OFFICER -> k -> String.valueOf(k.officerId());
		};
		Map<String, int[]> counts = new TreeMap<>();
		Map<String, long[]> sums = new TreeMap<>();
		for (CaseRecord c : cases) {
			String key = caseKey.apply(c);
			int[] n = counts.computeIfAbsent(key, k -> new int[9]);
			long[] s = sums.computeIfAbsent(key, k -> new long[2]);
			n[0]++;
			DecisionRecord d = c.finalDecision().orElse(null);
			if (d == null || c.isOpen()) {
				continue;
			}
			CaseClock clock = clocks.apply(c);
			n[1]++;
			n[2] += clock.used() <= clock.limit() ? 1 : 0;
			s[0] += clock.used();
			s[1] += clock.limit();
			n[3] += d.automatic() ? 1 : 0;
			n[4] += c.decisions().stream().filter(DecisionRecord::isOverride).count() > 0 ? 1 : 0;
			n[5] += d.kind() == DecisionKind.REJECT ? 1 : 0;
			n[6] += clock.left() >= rules.days(c.matterCode(), "score.early.days") ? 1 : 0;
		}
		Map<String, int[]> levels = new TreeMap<>();
		for (Card k : cards) {
			if (k.raisedOn().isBefore(from) || k.raisedOn().isAfter(to)) {
				continue;
			}
			String key = cardKey.apply(k);
			counts.computeIfAbsent(key, x -> new int[9]);
			sums.computeIfAbsent(key, x -> new long[2]);
			levels.computeIfAbsent(key, x -> new int[3])[k.level().ordinal()]++;
		}
		long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
		List<Row> out = new ArrayList<>();
		for (Map.Entry<String, int[]> e : counts.entrySet()) {
			int[] n = e.getValue();
			long[] s = sums.get(e.getKey());
			int[] l = levels.getOrDefault(e.getKey(), new int[3]);
			int warnings = l[CardLevel.WARNING.ordinal()];
			int yellows = l[CardLevel.YELLOW.ordinal()];
			int reds = l[CardLevel.RED.ordinal()];
			long score = rules.days(null, "score.base") * months
					- (long) (warnings / rules.days(null, "score.warnings.run")) * rules.days(null, "score.warnings.points")
					- (long) yellows * rules.days(null, "score.yellow.points") - (long) reds * rules.days(null, "score.red.points")
					+ Math.min((long) rules.days(null, "score.early.cap") * months,
							(long) n[6] * rules.days(null, "score.early.points"));
			out.add(new Row(e.getKey(), n[0], n[1], n[2], n[1] == 0 ? 0 : (double) s[0] / n[1],
					n[1] == 0 ? 0 : (double) s[1] / n[1], n[3], n[4], n[5], warnings, yellows, reds, n[6],
					(int) Math.max(0, score)));
		}
		return out;
	}
}
