package org.miaopi.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.supervision.CaseRecord;
import org.miaopi.core.supervision.DecisionRecord;
import org.miaopi.core.supervision.Mark;

/**
 * A case's time in working days, from its steps: the whole case against its committed limit
 * (receipt to deadline), each stage against its own limit, and the supplement waits, which stop the
 * clock where the rules say so. Both the total age and the time in the current stage are kept: a
 * reassignment or a hold never resets the first.
 *
 * @param used        working days the case has used (to today when open, to its decision otherwise),
 *                    supplement waits taken off when they stop the clock
 * @param limit       working days from receipt to the committed deadline
 * @param age         working days since receipt, nothing taken off
 * @param stages      each stage whose start is known: its span
 * @param current     the stage the case is in now, or null (decided and issued, withdrawn, or unknown)
 * @param supplements each supplement request
 */
public record CaseClock(CaseRecord record, int used, int limit, int age, Map<Stage, Span> stages, Stage current,
		List<Supplement> supplements, LocalDate end) {

	/**
	 * @param used     working days used in the stage so far (or in all, when ended)
	 * @param ended    the stage is over
	 */
	public record Span(Stage stage, LocalDate start, LocalDate endOrToday, int used, int limit, boolean ended) {
		public int left() {
			return limit - used;
		}
	}

	/**
	 * @param due      the day the material was due (working days after the request, or the 容缺 date)
	 * @param arrived  when it arrived, or null
	 */
	public record Supplement(LocalDate requested, LocalDate due, LocalDate arrived) {
		public boolean missed(LocalDate today) {
			return arrived != null ? arrived.isAfter(due) : today.isAfter(due);
		}
	}

	/** Working days left before the committed limit (negative: overdue). */
	public int left() {
		return limit - used;
	}

	public boolean decided() {
		return record.finalDecision().isPresent() && !record.isOpen();
	}

	static final String PRE_CHECKED = "dossier.pre-checked";
	static final String REVIEW_STARTED = "dossier.review-started";
	static final String ISSUED = "certificate.issued";
	static final String[] DECIDED = { "dossier.approved", "dossier.rejected", "dossier.auto-approved", "dossier.auto-rejected" };
	static final String[] APPROVED = { "dossier.approved", "dossier.auto-approved" };
	static final String SUPPLEMENT_RECEIVED = "dossier.supplement-received";
	static final String[] SUPPLEMENT_REQUESTED = { "dossier.supplement-requested", "dossier.missing-material-requested" };

	public static CaseClock of(CaseRecord c, Rules rules, WorkingDayCalendar cal, LocalDate today) {
		String matter = c.matterCode();
		LocalDate received = ChinaTime.dateOf(c.received());
		Optional<DecisionRecord> decision = c.finalDecision();
		LocalDate end = !c.isOpen() && decision.isPresent() ? ChinaTime.dateOf(decision.get().time()) : today;
		if (end.isBefore(received)) {
			end = received;
		}
		List<Supplement> supplements = supplements(c, rules, cal, today);
		boolean stops = rules.flag(matter, "supplement.stops.clock");
		int age = Math.max(0, cal.workingDaysBetween(received, end));
		int paused = stops ? pausedBetween(supplements, received, end, cal) : 0;
		int used = Math.max(0, age - paused);
		int limit = Math.max(0, cal.workingDaysBetween(received, c.deadline()));

		Map<Stage, Span> stages = new EnumMap<>(Stage.class);
		Optional<Instant> preChecked = c.first(PRE_CHECKED).map(Mark::time);
		Optional<Instant> started = c.first(REVIEW_STARTED).map(Mark::time);
		Optional<Instant> decidedAt = c.first(DECIDED).map(Mark::time)
				.or(() -> decision.map(DecisionRecord::time));
		Optional<Instant> approvedAt = c.first(APPROVED).map(Mark::time).or(() -> decision
				.filter(d -> d.kind() == DecisionKind.APPROVE).map(DecisionRecord::time));
		Optional<Instant> issued = c.first(ISSUED).map(Mark::time);
		Stage current = switch (c.status()) {
		case RECEIVED -> Stage.ACCEPT;
		case PRE_CHECKED, ASSIGNED -> Stage.REVIEW;
		case IN_REVIEW, SUPPLEMENT_REQUESTED -> Stage.DECIDE;
		case APPROVED -> c.first(ISSUED).isPresent() ? null : Stage.ISSUE;
		default -> null;
		};
		span(stages, Stage.ACCEPT, Optional.of(c.received()), preChecked, current,
				rules, matter, cal, today, List.of());
		span(stages, Stage.REVIEW, preChecked, started.or(() -> decidedAt), current, rules, matter, cal, today, List.of());
		span(stages, Stage.DECIDE, started, decidedAt, current, rules, matter, cal, today,
				stops ? supplements : List.of());
		if (c.status() == DossierStatus.APPROVED || c.status() == DossierStatus.CERTIFICATE_ISSUED
				|| c.status() == DossierStatus.ARCHIVED) {
			span(stages, Stage.ISSUE, approvedAt, issued, current, rules, matter, cal, today, List.of());
		}
		return new CaseClock(c, used, limit, age, stages, current, supplements, end);
	}

	private static void span(Map<Stage, Span> out, Stage stage, Optional<Instant> start, Optional<Instant> stop,
			Stage current, Rules rules, String matter, WorkingDayCalendar cal, LocalDate today, List<Supplement> pauses) {
		if (start.isEmpty() || stop.isEmpty() && current != stage) {
			return; // not reached, or its end is not on record (a case imported from elsewhere): not judged
		}
		LocalDate from = ChinaTime.dateOf(start.get());
		LocalDate to = stop.map(ChinaTime::dateOf).orElse(today);
		if (to.isBefore(from)) {
			to = from;
		}
		int used = Math.max(0, cal.workingDaysBetween(from, to) - pausedBetween(pauses, from, to, cal));
		out.put(stage, new Span(stage, from, to, used, rules.stageLimit(matter, stage), stop.isPresent()));
	}

	private static List<Supplement> supplements(CaseRecord c, Rules rules, WorkingDayCalendar cal, LocalDate today) {
		List<Supplement> out = new ArrayList<>();
		String containedDue = c.first(PRE_CHECKED).map(m -> m.details().get("supplementDue")).orElse(null);
		List<Mark> marks = c.marks();
		for (int i = 0; i < marks.size(); i++) {
			Mark m = marks.get(i);
			if (!m.type().equals(SUPPLEMENT_REQUESTED[0]) && !m.type().equals(SUPPLEMENT_REQUESTED[1])) {
				continue;
			}
			LocalDate requested = ChinaTime.dateOf(m.time());
			LocalDate due = m.type().equals(SUPPLEMENT_REQUESTED[1]) && containedDue != null ? LocalDate.parse(containedDue)
					: cal.addWorkingDays(requested, rules.days(c.matterCode(), "supplement.days"));
			LocalDate arrived = null;
			for (int j = i + 1; j < marks.size(); j++) {
				if (marks.get(j).type().equals(SUPPLEMENT_RECEIVED)) {
					arrived = ChinaTime.dateOf(marks.get(j).time());
					break;
				}
			}
			out.add(new Supplement(requested, due, arrived));
		}
		return out;
	}

	/** Working days inside (from, to] spent waiting for a supplement. */
	private static int pausedBetween(List<Supplement> supplements, LocalDate from, LocalDate to, WorkingDayCalendar cal) {
		int paused = 0;
		for (Supplement s : supplements) {
			LocalDate a = s.requested().isBefore(from) ? from : s.requested();
			LocalDate b = s.arrived() == null ? to : s.arrived().isAfter(to) ? to : s.arrived();
			if (b.isAfter(a)) {
				paused += cal.workingDaysBetween(a, b);
			}
		}
		return paused;
	}
}
