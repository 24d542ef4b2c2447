package org.miaopi.supervision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

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

	/** The same, from the case's clock on {@code today} when the caller has it already. */
	public List<Card> cards(CaseClock clock, LocalDate today) {
		CaseRecord c = clock.record();
		List<Card> out = new ArrayList<>();
		judge(clock, today, (level, rule, officer, subject, on, evidence) -> out.add(new Card(level, rule, c.number(),
				c.departmentCode(), c.matterCode(), officer, subject, on, evidence.get(), null)));
		return out;
	}

	/** A card the facts call for; its evidence is put together only when asked for. */
	private interface Raised {
		void raise(CardLevel level, String rule, String officer, String subject, LocalDate on, Supplier<String> evidence);
	}

	/**
	 * Judges the case by every rule, telling {@code out} of each card raised. The live signals need only the
	 * worst level of each of the open cases at every reading, so the facts behind a card (stored in no
	 * language; CardEvidence renders them in the reader's) are only put together for {@link #cards}.
	 */
	private void judge(CaseClock clock, LocalDate today, Raised out) {
		CaseRecord c = clock.record();
		String m = c.matterCode();
		int warn = rules.days(m, "warning.days");
		boolean open = c.isOpen();
		if (open && warns(clock.used(), clock.limit(), warn)) {
			out.raise(CardLevel.WARNING, CASE_WARNING, officerOf(c), "case", today, () -> facts(join(age(clock), held(c)),
					"used", clock.used(), "limit", clock.limit(), "left", clock.left(), "deadline", c.deadline()));
		}
		// a withdrawn case is neither open nor decided: its clock stopped with the withdrawal, not today
		if (clock.used() > clock.limit() && (open || c.status().isDecided())) {
			int red = rules.days(m, "red.overdue.days");
			LocalDate raised = open ? today : clock.end();
			Supplier<Object[]> what = () -> join(open ? join(new Object[] { CardEvidence.VARIANT, "open" }, held(c))
					: join(new Object[] { CardEvidence.VARIANT, "decided", "end", clock.end() }, decidedBy(c)),
					new Object[] { "used", clock.used(), "limit", clock.limit(), "deadline", c.deadline() }, age(clock));
			out.raise(CardLevel.YELLOW, CASE_OVERDUE, officerOf(c), "case", raised, () -> CardEvidence.of(what.get()));
			if (clock.used() - clock.limit() >= red) {
				out.raise(CardLevel.RED, CASE_FAR_OVERDUE, officerOf(c), "case", raised,
						() -> facts(what.get(), "over", clock.used() - clock.limit(), "red", red));
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
			Supplier<Object[]> words = () -> join(s.ended()
					? new Object[] { CardEvidence.VARIANT, "ended", "stage", stage, "start", s.start(), "end", s.endOrToday() }
					: new Object[] { CardEvidence.VARIANT, "open", "stage", stage, "start", s.start() },
					new Object[] { "officer", officer == null ? "" : officer });
			if (warning) {
				out.raise(CardLevel.WARNING, STAGE_WARNING, officer, stage, today,
						() -> facts(words.get(), "used", s.used(), "limit", s.limit(), "left", s.left()));
			}
			if (over) {
				out.raise(CardLevel.YELLOW, STAGE_OVERDUE, officer, stage, s.ended() ? s.endOrToday() : today,
						() -> facts(words.get(), "used", s.used(), "limit", s.limit()));
			}
		}
		for (DecisionRecord d : c.decisions()) {
			if (d.isUnreasonedRefusal()) {
				LocalDate on = ChinaTime.dateOf(d.time());
				boolean noCode = d.reasonCodes().isEmpty();
				boolean noBasis = d.legalBasis() == null || d.legalBasis().isBlank();
				out.raise(CardLevel.YELLOW, REFUSAL_WITHOUT_REASON, d.officerId(), "decision@" + d.time().toEpochMilli(), on,
						() -> CardEvidence.of(CardEvidence.VARIANT, noCode && noBasis ? "both" : noCode ? "code" : "basis",
								"on", on, "officer", d.officerId()));
			}
		}
		for (CaseClock.Supplement s : clock.supplements()) {
			if (s.missed(today)) {
				out.raise(CardLevel.YELLOW, SUPPLEMENT_OVERDUE, officerOf(c), "supplement@" + s.requested(),
						s.arrived() == null ? today : s.arrived(), () -> s.arrived() == null
								? CardEvidence.of(join(new Object[] { CardEvidence.VARIANT, "missing", "requested", s.requested(), "due", s.due(),
										"today", today }, held(c)))
								: CardEvidence.of(join(new Object[] { CardEvidence.VARIANT, "late", "requested", s.requested(), "due", s.due(),
										"arrived", s.arrived() }, held(c))));
			}
		}
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
		return signal(CaseClock.of(c, rules, calendar, today), today);
	}

	/** The same, from the case's clock on {@code today}: the cards are judged, their evidence not put together. */
	public Signal signal(CaseClock clock, LocalDate today) {
		CardLevel[] worst = { null };
		judge(clock, today, (level, rule, officer, subject, on, evidence) -> {
			if (worst[0] == null || level.compareTo(worst[0]) > 0) {
				worst[0] = level;
			}
		});
		return worst[0] == null ? Signal.GREEN : Signal.valueOf(worst[0].name());
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
		int n = 0;
		for (Object[] p : parts) {
			n += p.length;
		}
		Object[] out = new Object[n];
		int at = 0;
		for (Object[] p : parts) {
			System.arraycopy(p, 0, out, at, p.length);
			at += p.length;
		}
		return out;
	}
}
