package org.miaopi.supervision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.CardLevel;
import org.miaopi.core.supervision.CaseRecord;
import org.miaopi.core.supervision.DecisionRecord;

/**
 * The signal rules (预警, 黄牌, 红牌): pure functions of a case's steps, the rules and the working-day
 * calendar. Each card names its rule (the constants below) and the facts it found ({@link CardEvidence}); its key makes a
 * second evaluation of the same facts find the same cards.
 */
public final class SignalRules {

	/**
	 * 预警: the committed limit is {@code warning.days} working days away or less, and the clock has run at
	 * least one working day (see {@link #warns}).
	 */
	public static final String CASE_WARNING = "CASE_WARNING";
	/** 黄牌: the case used more working days than its committed limit. */
	public static final String CASE_OVERDUE = "CASE_OVERDUE";
	/** 红牌: the case is past its limit by {@code red.overdue.days} working days or more. */
	public static final String CASE_FAR_OVERDUE = "CASE_FAR_OVERDUE";
	/** 预警: a stage's limit is {@code warning.days} working days away or less, once its clock has run (see {@link #warns}). */
	public static final String STAGE_WARNING = "STAGE_WARNING";
	/** 黄牌: a stage used more than its limit, even when the whole case did not. */
	public static final String STAGE_OVERDUE = "STAGE_OVERDUE";
	/** 黄牌: a rejection without reason codes or without legal basis. */
	public static final String REFUSAL_WITHOUT_REASON = "REFUSAL_WITHOUT_REASON";
	/** 黄牌: a requested (补正) or 容缺 material not supplied by its due day. */
	public static final String SUPPLEMENT_OVERDUE = "SUPPLEMENT_OVERDUE";
	/** 红牌: {@code red.repeat.yellows} yellow cards of one officer in one calendar month. */
	public static final String REPEATED_YELLOW = "REPEATED_YELLOW";

	/** Every rule a card may name, in the order of the documentation ({@code rule.<RULE>} names each one). */
	public static final List<String> RULES = List.of(CASE_WARNING, CASE_OVERDUE, CASE_FAR_OVERDUE, STAGE_WARNING, STAGE_OVERDUE,
			REFUSAL_WITHOUT_REASON, SUPPLEMENT_OVERDUE, REPEATED_YELLOW);

	private final Rules rules;
	private final WorkingDayCalendar calendar;

	public SignalRules(Rules rules, WorkingDayCalendar calendar) {
		this.rules = rules;
		this.calendar = calendar;
	}

	public Rules rules() {
		return rules;
	}

	public WorkingDayCalendar calendar() {
		return calendar;
	}

	/** Every card the facts call for on {@code today}, repeated yellow cards not included (see {@link #repeats}). */
	public List<Card> cards(CaseRecord c, LocalDate today) {
		return cards(CaseClock.of(c, rules, calendar, today), today);
	}

	/** The same, from the case's clock on {@code today} when the caller has it already (the live signals). */
	public List<Card> cards(CaseClock clock, LocalDate today) {
		CaseRecord c = clock.record();
		List<Card> out = new ArrayList<>();
		String m = c.matterCode();
		int warn = rules.days(m, "warning.days");
		boolean open = c.isOpen();
		// The facts behind a card are put together only when it is raised: most open cases raise none, and the
		// live signals judge every one of them at each reading. Stored in no language (CardEvidence renders them).
		if (open && warns(clock.used(), clock.limit(), warn)) {
			out.add(card(CardLevel.WARNING, CASE_WARNING, c, officerOf(c), "case", today, facts(join(age(clock), held(c)),
					"used", clock.used(), "limit", clock.limit(), "left", clock.left(), "deadline", c.deadline())));
		}
		// a withdrawn case is neither open nor decided: its clock stopped with the withdrawal, not today
		if (clock.used() > clock.limit() && (open || c.status().isDecided())) {
			int red = rules.days(m, "red.overdue.days");
			LocalDate raised = open ? today : clock.end();
			Object[] what = join(open ? join(new Object[] { CardEvidence.VARIANT, "open" }, held(c))
					: join(new Object[] { CardEvidence.VARIANT, "decided", "end", clock.end() }, decidedBy(c)),
					new Object[] { "used", clock.used(), "limit", clock.limit(), "deadline", c.deadline() }, age(clock));
			out.add(card(CardLevel.YELLOW, CASE_OVERDUE, c, officerOf(c), "case", raised, CardEvidence.of(what)));
			if (clock.used() - clock.limit() >= red) {
				out.add(card(CardLevel.RED, CASE_FAR_OVERDUE, c, officerOf(c), "case", raised,
						facts(what, "over", clock.used() - clock.limit(), "red", red)));
			}
		}
		for (CaseClock.Span s : clock.stages().values()) {
			boolean warning = !s.ended() && warns(s.used(), s.limit(), warn);
			boolean over = s.used() > s.limit();
			if (!warning && !over) {
				continue;
			}
			String stage = s.stage().key();
			String officer = officerOf(c);
			Object[] words = join(s.ended() ? new Object[] { CardEvidence.VARIANT, "ended", "stage", stage, "start", s.start(), "end", s.endOrToday() }
					: new Object[] { CardEvidence.VARIANT, "open", "stage", stage, "start", s.start() }, new Object[] { "officer",
					officer == null ? "" : officer });
			if (warning) {
				out.add(card(CardLevel.WARNING, STAGE_WARNING, c, officer, stage, today,
						facts(words, "used", s.used(), "limit", s.limit(), "left", s.left())));
			}
			if (over) {
				out.add(card(CardLevel.YELLOW, STAGE_OVERDUE, c, officer, stage, s.ended() ? s.endOrToday() : today,
						facts(words, "used", s.used(), "limit", s.limit())));
			}
		}
		for (DecisionRecord d : c.decisions()) {
			if (d.isUnreasonedRefusal()) {
				LocalDate on = ChinaTime.dateOf(d.time());
				boolean noCode = d.reasonCodes().isEmpty();
				boolean noBasis = d.legalBasis() == null || d.legalBasis().isBlank();
				out.add(card(CardLevel.YELLOW, REFUSAL_WITHOUT_REASON, c, d.officerId(), "decision@" + d.time().toEpochMilli(),
						on, CardEvidence.of(CardEvidence.VARIANT, noCode && noBasis ? "both" : noCode ? "code" : "basis", "on", on,
								"officer", d.officerId())));
			}
		}
		for (CaseClock.Supplement s : clock.supplements()) {
			if (s.missed(today)) {
				out.add(card(CardLevel.YELLOW, SUPPLEMENT_OVERDUE, c, officerOf(c), "supplement@" + s.requested(),
						s.arrived() == null ? today : s.arrived(), s.arrived() == null
								? CardEvidence.of(join(new Object[] { CardEvidence.VARIANT, "missing", "requested", s.requested(), "due", s.due(),
										"today", today }, held(c)))
								: CardEvidence.of(join(new Object[] { CardEvidence.VARIANT, "late", "requested", s.requested(), "due", s.due(),
										"arrived", s.arrived() }, held(c)))));
			}
		}
		return out;
	}

	/**
	 * 红牌 for repeated yellow cards: {@code yellows} (stored and new together) grouped by officer and the
	 * calendar month they were raised in; a group of {@code red.repeat.yellows} or more earns one card.
	 */
	public List<Card> repeats(Collection<Card> yellows) {
		Map<String, List<Card>> groups = new TreeMap<>();
		Map<String, Card> seen = new LinkedHashMap<>();
		for (Card k : yellows) {
			if (k.level() == CardLevel.YELLOW && k.officerId() != null
					&& !k.officerId().equals(org.miaopi.core.model.Officer.SYSTEM_ID) && seen.putIfAbsent(k.key(), k) == null) {
				groups.computeIfAbsent(k.officerId() + ":" + YearMonth.from(k.raisedOn()), x -> new ArrayList<>()).add(k);
			}
		}
		List<Card> out = new ArrayList<>();
		for (Map.Entry<String, List<Card>> g : groups.entrySet()) {
			List<Card> cards = g.getValue();
			Card first = cards.get(0);
			int limit = rules.days(first.matterCode(), "red.repeat.yellows");
			if (cards.size() >= limit) {
				LocalDate on = cards.stream().map(Card::raisedOn).sorted().toList().get(limit - 1);
				out.add(new Card(CardLevel.RED, REPEATED_YELLOW, null, first.departmentCode(), null, first.officerId(),
						g.getKey(), on, CardEvidence.of("count", cards.size(), "officer", first.officerId(), "month",
								YearMonth.from(first.raisedOn()), "red", limit, "cards",
								String.join(",", cards.stream().map(Card::key).sorted().toList())), null));
			}
		}
		return out;
	}

	/** The case's worst live signal today, GREEN when none. */
	public Signal signal(CaseRecord c, LocalDate today) {
		CardLevel worst = null;
		for (Card k : cards(c, today)) {
			if (worst == null || k.level().compareTo(worst) > 0) {
				worst = k.level();
			}
		}
		return worst == null ? Signal.GREEN : Signal.valueOf(worst.name());
	}

	/**
	 * 预警 for a limit of {@code limit} working days of which {@code used} are used: {@code warn} working days
	 * or fewer are left (none left: the limit is today), and the clock has run at least one working day. A limit
	 * no longer than the lead (the 1-day accept stage under the 1-day lead) would otherwise warn on the very day
	 * its clock starts: every dossier in warning the day it is received, and over a holiday that follows. So a
	 * 1-day limit warns on its due day only, a 2-day one on its last two days, a 0-day one (done the same day)
	 * never: it is on time or past its limit. Days are working days: a make-up Saturday runs the clock, a
	 * holiday does not.
	 */
	static boolean warns(int used, int limit, int warn) {
		int left = limit - used;
		return used >= 1 && left >= 0 && left <= warn;
	}

	/** Who answers for the case: its holder, else the officer who decided it. */
	static String officerOf(CaseRecord c) {
		if (c.officerId() != null) {
			return c.officerId();
		}
		return c.finalDecision().map(DecisionRecord::officerId).orElse(null);
	}

	/** The case's total age, a fact of its case cards. */
	private static Object[] age(CaseClock clock) {
		return new Object[] { "age", clock.age(), "received", ChinaTime.dateOf(clock.record().received()) };
	}

	/**
	 * Who holds an open case, named in the evidence (empty: nobody holds it yet, which the sentence says; cards
	 * stored before have no such fact).
	 */
	private static Object[] held(CaseRecord c) {
		return new Object[] { "officer", c.officerId() == null ? "" : c.officerId() };
	}

	/** Who decided a decided case, named in the evidence. */
	private static Object[] decidedBy(CaseRecord c) {
		return c.finalDecision().map(d -> new Object[] { "officer", d.officerId() }).orElse(new Object[0]);
	}

	private static String facts(Object[] first, Object... more) {
		return CardEvidence.of(join(more, first));
	}

	private static Object[] join(Object[]... parts) {
		return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray();
	}

	private static Card card(CardLevel level, String rule, CaseRecord c, String officer, String subject, LocalDate on,
			String evidence) {
		return new Card(level, rule, c.number(), c.departmentCode(), c.matterCode(), officer, subject, on, evidence, null);
	}
}
