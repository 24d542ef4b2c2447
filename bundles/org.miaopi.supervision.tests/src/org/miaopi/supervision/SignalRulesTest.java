package org.miaopi.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.CardLevel;
import org.miaopi.core.supervision.CaseRecord;

/**
 * Each signal rule on hand-built cases around the 2026 National Day holiday (25-27 September and 1-7
 * October off; Sunday 20 September and Saturday 10 October worked): working days, not calendar days.
 */
class SignalRulesTest {

	static final WorkingDayCalendar CHINA = WorkingDayCalendar.china();
	static final SignalRules RULES = new SignalRules(Rules.defaults(), CHINA);
	static final LocalDate RECEIVED = LocalDate.of(2026, 9, 23); // a Wednesday

	private static String en(Card k) {
		return CardEvidence.render(k, java.util.Locale.ENGLISH);
	}

	private static List<String> rules(CaseRecord c, LocalDate today) {
		return RULES.cards(c, today).stream().map(k -> k.level() + " " + k.rule() + " " + k.subject()).sorted().toList();
	}

	/** Received 23 Sep with 5 working days: 24, 28, 29, 30 Sep and 8 Oct; the deadline is 8 October. */
	private static CaseRecord fiveDays() {
		return Cases.of("SZ1").status(DossierStatus.ASSIGNED).deadline(LocalDate.of(2026, 10, 8)).build();
	}

	@Test
	void theDeadlineCountsWorkingDaysAcrossTheHoliday() {
		assertEquals(LocalDate.of(2026, 10, 8), CHINA.addWorkingDays(RECEIVED, 5));
		CaseClock clock = CaseClock.of(fiveDays(), Rules.defaults(), CHINA, LocalDate.of(2026, 10, 7));
		assertEquals(5, clock.limit());
		assertEquals(4, clock.used(), "1 to 7 October are holidays: nothing used after 30 September");
		assertEquals(4, clock.age());
	}

	@Test
	void aWarningComesOneWorkingDayBeforeTheLimitEvenWhenThatIsAWeekBefore() {
		assertEquals(List.of(), rules(fiveDays(), LocalDate.of(2026, 9, 29)), "two working days left");
		assertEquals(List.of("WARNING CASE_WARNING case"), rules(fiveDays(), LocalDate.of(2026, 9, 30)));
		assertEquals(List.of("WARNING CASE_WARNING case"), rules(fiveDays(), LocalDate.of(2026, 10, 7)),
				"still one working day left on the last day of the holiday");
		assertEquals(List.of("WARNING CASE_WARNING case"), rules(fiveDays(), LocalDate.of(2026, 10, 8)), "the last day");
	}

	/** Nothing done yet (RECEIVED, nobody holds it): the 1-day accept stage (受理) runs; the case's limit is far. */
	private static CaseRecord justReceived(LocalDate day) {
		return Cases.of("SZ30").status(DossierStatus.RECEIVED).heldBy(null).received(day)
				.deadline(CHINA.addWorkingDays(day, 20)).build();
	}

	private static List<String> rules(SignalRules rules, CaseRecord c, LocalDate today) {
		return rules.cards(c, today).stream().map(k -> k.level() + " " + k.rule() + " " + k.subject()).sorted().toList();
	}

	@Test
	void aNewDossierIsNotInWarningOnTheDayItIsReceivedOnlyOnItsDueDay() {
		CaseRecord c = justReceived(RECEIVED);
		assertEquals(List.of(), rules(c, RECEIVED), "received today: the accept stage's clock has not run");
		assertEquals(Signal.GREEN, RULES.signal(c, RECEIVED));
		assertEquals(List.of("WARNING STAGE_WARNING accept"), rules(c, LocalDate.of(2026, 9, 24)), "Thursday, its due day");
		assertEquals(List.of("WARNING STAGE_WARNING accept"), rules(c, LocalDate.of(2026, 9, 27)), "the holiday runs no clock");
		assertEquals(List.of("YELLOW STAGE_OVERDUE accept"), rules(c, LocalDate.of(2026, 9, 28)));
		Card k = RULES.cards(c, LocalDate.of(2026, 9, 24)).get(0);
		assertTrue(en(k).endsWith("not yet assigned: used 1 of 1 working days, 0 left"), en(k));
	}

	@Test
	void aDossierReceivedBeforeAHolidayStaysGreenOverItAndAMakeUpSaturdayRunsTheClock() {
		CaseRecord thursday = justReceived(LocalDate.of(2026, 9, 24)); // 25-27 September off: due Monday 28
		for (int day = 24; day <= 27; day++) {
			assertEquals(List.of(), rules(thursday, LocalDate.of(2026, 9, day)), "24 Sep to the holiday's end: " + day);
		}
		assertEquals(List.of("WARNING STAGE_WARNING accept"), rules(thursday, LocalDate.of(2026, 9, 28)));
		assertEquals(List.of("YELLOW STAGE_OVERDUE accept"), rules(thursday, LocalDate.of(2026, 9, 29)));

		CaseRecord friday = justReceived(LocalDate.of(2026, 10, 9)); // Saturday 10 October is worked: due then
		assertEquals(List.of(), rules(friday, LocalDate.of(2026, 10, 9)));
		assertEquals(List.of("WARNING STAGE_WARNING accept"), rules(friday, LocalDate.of(2026, 10, 10)));
		assertEquals(List.of("WARNING STAGE_WARNING accept"), rules(friday, LocalDate.of(2026, 10, 11)), "Sunday adds none");
		assertEquals(List.of("YELLOW STAGE_OVERDUE accept"), rules(friday, LocalDate.of(2026, 10, 12)));

		CaseRecord online = justReceived(LocalDate.of(2026, 10, 3)); // sent in on a holiday
		assertEquals(List.of(), rules(online, LocalDate.of(2026, 10, 7)));
		assertEquals(List.of("WARNING STAGE_WARNING accept"), rules(online, LocalDate.of(2026, 10, 8)),
				"the first working day is its due day");
	}

	@Test
	void aTwoDayStageWarnsOnItsLastTwoDaysAndALongerLeadOnEveryDayButTheFirst() {
		SignalRules twoDays = new SignalRules(Rules.defaults().with("stage.accept.days", 2), CHINA);
		CaseRecord c = justReceived(RECEIVED); // 2 working days: 24 and 28 September
		assertEquals(List.of(), rules(twoDays, c, RECEIVED));
		assertEquals(List.of("WARNING STAGE_WARNING accept"), rules(twoDays, c, LocalDate.of(2026, 9, 24)), "1 left");
		assertEquals(List.of("WARNING STAGE_WARNING accept"), rules(twoDays, c, LocalDate.of(2026, 9, 28)), "0 left");
		assertEquals(List.of("YELLOW STAGE_OVERDUE accept"), rules(twoDays, c, LocalDate.of(2026, 9, 29)));
		SignalRules lead3 = new SignalRules(twoDays.rules().with("warning.days", 3), CHINA);
		assertEquals(List.of(), rules(lead3, c, RECEIVED), "a lead longer than the limit: still not on the first day");
		assertEquals(List.of("WARNING STAGE_WARNING accept"), rules(lead3, c, LocalDate.of(2026, 9, 24)));
	}

	@Test
	void aCasePromisedInOneDayWarnsOnItsDueDayAndOnePromisedTheSameDayNever() {
		// assigned without steps on record: no stage is judged, only the case's committed limit
		CaseRecord oneDay = Cases.of("SZ40").status(DossierStatus.ASSIGNED).deadline(LocalDate.of(2026, 9, 24)).build();
		assertEquals(List.of(), rules(oneDay, RECEIVED));
		assertEquals(List.of("WARNING CASE_WARNING case"), rules(oneDay, LocalDate.of(2026, 9, 24)));
		assertEquals(List.of("YELLOW CASE_OVERDUE case"), rules(oneDay, LocalDate.of(2026, 9, 28)));
		CaseRecord sameDay = Cases.of("SZ41").status(DossierStatus.ASSIGNED).deadline(RECEIVED).build();
		assertEquals(List.of(), rules(sameDay, RECEIVED), "on time");
		assertEquals(List.of("YELLOW CASE_OVERDUE case"), rules(sameDay, LocalDate.of(2026, 9, 24)), "past it, never warned");
		assertEquals(List.of(), rules(fiveDays(), LocalDate.of(2026, 9, 29)), "5 days: not on the third");
	}

	@Test
	void theWarningDaysAreConfigurablePerMatter() {
		SignalRules two = new SignalRules(Rules.defaults().with("matter." + Cases.MATTER + ".warning.days", 2), CHINA);
		assertEquals(List.of(CardLevel.WARNING), two.cards(fiveDays(), LocalDate.of(2026, 9, 29)).stream()
				.map(Card::level).toList());
		SignalRules other = new SignalRules(Rules.defaults().with("matter.OTHER.warning.days", 2), CHINA);
		assertEquals(List.of(), other.cards(fiveDays(), LocalDate.of(2026, 9, 29)), "another matter's setting");
	}

	@Test
	void pastTheLimitIsAYellowCardAndPastItByThreeWorkingDaysARedOneCountingTheMakeUpSaturday() {
		assertEquals(List.of("YELLOW CASE_OVERDUE case"), rules(fiveDays(), LocalDate.of(2026, 10, 9)));
		assertEquals(List.of("YELLOW CASE_OVERDUE case"), rules(fiveDays(), LocalDate.of(2026, 10, 11)),
				"Saturday 10 October is worked: two days over, Sunday adds none");
		assertEquals(List.of("RED CASE_FAR_OVERDUE case", "YELLOW CASE_OVERDUE case"),
				rules(fiveDays(), LocalDate.of(2026, 10, 12)), "9, 10 and 12 October: three working days over");
		Card red = RULES.cards(fiveDays(), LocalDate.of(2026, 10, 12)).stream().filter(k -> k.level() == CardLevel.RED)
				.findFirst().orElseThrow();
		assertTrue(en(red).contains("past the limit by 3 working days"), en(red));
		assertEquals("li.na", red.officerId());
	}

	@Test
	void aCaseDecidedLateIsAYellowCardRaisedOnItsDecisionDay() {
		CaseRecord late = Cases.of("SZ2").status(DossierStatus.APPROVED).deadline(LocalDate.of(2026, 10, 8))
				.step("certificate.issued", LocalDate.of(2026, 10, 9))
				.decided(DecisionKind.APPROVE, LocalDate.of(2026, 10, 9), List.of(), null).build();
		List<Card> cards = RULES.cards(late, LocalDate.of(2026, 11, 2));
		assertEquals(List.of("CASE_OVERDUE"), cards.stream().map(Card::rule).toList());
		assertEquals(LocalDate.of(2026, 10, 9), cards.get(0).raisedOn());
		CaseRecord onTime = Cases.of("SZ3").status(DossierStatus.APPROVED).deadline(LocalDate.of(2026, 10, 8))
				.step("certificate.issued", LocalDate.of(2026, 10, 8))
				.decided(DecisionKind.APPROVE, LocalDate.of(2026, 10, 8), List.of(), null).build();
		assertEquals(List.of(), RULES.cards(onTime, LocalDate.of(2026, 11, 2)), "decided cases never warn");
	}

	@Test
	void aLateDecisionsCardNamesTheOfficerWhoDecidedAndTheDayAndAWithdrawnCaseIsNotDecidedToday() {
		CaseRecord late = Cases.of("SZ2").status(DossierStatus.APPROVED).deadline(LocalDate.of(2026, 10, 8))
				.step("certificate.issued", LocalDate.of(2026, 10, 9))
				.decided(DecisionKind.APPROVE, LocalDate.of(2026, 10, 9), List.of(), null).build();
		Card k = RULES.cards(late, LocalDate.of(2026, 11, 2)).get(0);
		assertTrue(en(k).startsWith("decided on 2026-10-09 by li.na, used 6 of 5 working days"), en(k));
		assertTrue(CardEvidence.render(k, java.util.Locale.CHINA).startsWith("li.na 于 2026-10-09 作出决定"),
				CardEvidence.render(k, java.util.Locale.CHINA));
		// withdrawn long after its deadline, never decided: nothing was "decided today", by nobody
		CaseRecord withdrawn = Cases.of("SZ4").status(DossierStatus.WITHDRAWN).heldBy(null).deadline(LocalDate.of(2026, 10, 8))
				.build();
		assertEquals(List.of(), RULES.cards(withdrawn, LocalDate.of(2026, 11, 2)).stream().map(Card::rule).toList());
		// an open case names who holds it
		Card open = RULES.cards(fiveDays(), LocalDate.of(2026, 10, 9)).get(0);
		assertTrue(en(open).startsWith("open, held by li.na, used"), en(open));
		Card nobody = RULES.cards(Cases.of("SZ5").status(DossierStatus.PRE_CHECKED).heldBy(null).deadline(LocalDate.of(2026, 10, 8))
				.build(), LocalDate.of(2026, 10, 9)).get(0);
		assertTrue(en(nobody).startsWith("open, not yet assigned, used"), en(nobody));
		assertTrue(CardEvidence.render(nobody, java.util.Locale.CHINA).startsWith("尚未办结（尚未分派承办人），已用"),
				CardEvidence.render(nobody, java.util.Locale.CHINA));
	}

	@Test
	void aStagePastItsLimitIsAYellowCardWhileTheCaseIsNot() {
		// review started 24 Sep; decide allows 5 working days: 28, 29, 30 Sep, 8 and 9 Oct
		CaseRecord c = Cases.of("SZ4").deadline(LocalDate.of(2026, 11, 30)).step("dossier.pre-checked", RECEIVED)
				.step("dossier.assigned", RECEIVED).step("dossier.review-started", LocalDate.of(2026, 9, 24)).build();
		assertEquals(List.of(), rules(c, LocalDate.of(2026, 9, 30)));
		assertEquals(List.of("WARNING STAGE_WARNING decide"), rules(c, LocalDate.of(2026, 10, 8)));
		assertEquals(List.of("WARNING STAGE_WARNING decide"), rules(c, LocalDate.of(2026, 10, 9)), "0 left");
		assertEquals(List.of("YELLOW STAGE_OVERDUE decide"), rules(c, LocalDate.of(2026, 10, 10)),
				"the make-up Saturday is the sixth working day");
		CaseClock clock = CaseClock.of(c, Rules.defaults(), CHINA, LocalDate.of(2026, 10, 10));
		assertEquals(Stage.DECIDE, clock.current());
		assertEquals(1, clock.stages().get(Stage.REVIEW).used(), "pre-check 23 Sep to review 24 Sep");
		assertEquals(0, clock.stages().get(Stage.ACCEPT).used());
	}

	@Test
	void aStageWhoseEndIsNotOnRecordIsNotJudged() {
		// imported as IN_REVIEW with no steps: only the whole case can be judged
		CaseRecord c = Cases.of("SZ5").deadline(LocalDate.of(2026, 11, 30)).build();
		assertEquals(List.of(), rules(c, LocalDate.of(2026, 11, 2)));
		assertTrue(CaseClock.of(c, Rules.defaults(), CHINA, LocalDate.of(2026, 11, 2)).stages().isEmpty());
	}

	@Test
	void aRefusalWithoutReasonCodesOrLegalBasisIsAYellowCard() {
		CaseRecord noBasis = Cases.of("SZ6").status(DossierStatus.REJECTED)
				.decided(DecisionKind.REJECT, LocalDate.of(2026, 9, 24), List.of("NOT_ELIGIBLE"), null).build();
		CaseRecord noCode = Cases.of("SZ7").status(DossierStatus.REJECTED)
				.decided(DecisionKind.REJECT, LocalDate.of(2026, 9, 24), List.of(), "户口登记条例 第十条").build();
		CaseRecord reasoned = Cases.of("SZ8").status(DossierStatus.REJECTED)
				.decided(DecisionKind.REJECT, LocalDate.of(2026, 9, 24), List.of("NOT_ELIGIBLE"), "户口登记条例 第十条").build();
		LocalDate today = LocalDate.of(2026, 9, 28);
		assertEquals(List.of("REFUSAL_WITHOUT_REASON"), RULES.cards(noBasis, today).stream().map(Card::rule).toList());
		assertTrue(en(RULES.cards(noBasis, today).get(0)).contains("no legal basis"));
		assertTrue(en(RULES.cards(noCode, today).get(0)).contains("no reason code"));
		assertEquals(List.of(), RULES.cards(reasoned, today));
	}

	@Test
	void aSupplementStopsTheClockAndAMissedDueDayIsAYellowCard() {
		// asked on Mon 28 Sep, 2 working days to supply: due Wed 30 Sep
		SignalRules two = new SignalRules(Rules.defaults().with("supplement.days", 2), CHINA);
		CaseRecord waiting = Cases.of("SZ9").status(DossierStatus.SUPPLEMENT_REQUESTED).deadline(LocalDate.of(2026, 10, 8))
				.step("dossier.review-started", LocalDate.of(2026, 9, 24))
				.step("dossier.supplement-requested", LocalDate.of(2026, 9, 28)).build();
		CaseClock clock = CaseClock.of(waiting, two.rules(), CHINA, LocalDate.of(2026, 10, 7));
		assertEquals(4, clock.age());
		assertEquals(2, clock.used(), "29 and 30 September were spent waiting for the applicant");
		assertEquals(LocalDate.of(2026, 9, 30), clock.supplements().get(0).due());
		assertEquals(List.of(), two.cards(waiting, LocalDate.of(2026, 9, 30)).stream()
				.filter(k -> k.rule().equals(SignalRules.SUPPLEMENT_OVERDUE)).toList(), "due today: not missed yet");
		List<Card> missed = two.cards(waiting, LocalDate.of(2026, 10, 7)).stream()
				.filter(k -> k.rule().equals(SignalRules.SUPPLEMENT_OVERDUE)).toList();
		assertEquals(1, missed.size());
		assertEquals("supplement@2026-09-28", missed.get(0).subject());

		CaseRecord suppliedLate = Cases.of("SZ10").deadline(LocalDate.of(2026, 10, 30))
				.step("dossier.review-started", LocalDate.of(2026, 9, 24))
				.step("dossier.supplement-requested", LocalDate.of(2026, 9, 28))
				.step("dossier.supplement-received", LocalDate.of(2026, 10, 8)).build();
		assertTrue(two.cards(suppliedLate, LocalDate.of(2026, 10, 9)).stream()
				.anyMatch(k -> en(k).contains("supplied late on 2026-10-08")));
		SignalRules running = new SignalRules(two.rules().with("supplement.stops.clock", false), CHINA);
		assertEquals(4, CaseClock.of(waiting, running.rules(), CHINA, LocalDate.of(2026, 10, 7)).used(),
				"a matter whose rules keep the clock running");
	}

	@Test
	void aContainedMaterialIsDueOnTheDayThePreCheckSet() {
		CaseRecord c = new CaseRecord("SZ11", Cases.MATTER, "PSB", null, DossierStatus.SUPPLEMENT_REQUESTED, Cases.at(RECEIVED),
				LocalDate.of(2026, 11, 30), List.of(new org.miaopi.core.supervision.Mark("dossier.pre-checked", Cases.at(RECEIVED),
						java.util.Map.of("supplementDue", "2026-10-09")),
						new org.miaopi.core.supervision.Mark("dossier.missing-material-requested", Cases.at(RECEIVED))),
				List.of(), 0);
		assertEquals(LocalDate.of(2026, 10, 9), CaseClock.of(c, Rules.defaults(), CHINA, LocalDate.of(2026, 10, 9))
				.supplements().get(0).due());
		assertEquals(List.of(), RULES.cards(c, LocalDate.of(2026, 10, 9)).stream()
				.filter(k -> k.rule().equals(SignalRules.SUPPLEMENT_OVERDUE)).toList());
		assertEquals(1, RULES.cards(c, LocalDate.of(2026, 10, 10)).stream()
				.filter(k -> k.rule().equals(SignalRules.SUPPLEMENT_OVERDUE)).count());
	}

	@Test
	void threeYellowCardsOfOneOfficerInAMonthAreARedCard() {
		List<Card> yellows = new java.util.ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			yellows.add(new Card(CardLevel.YELLOW, SignalRules.CASE_OVERDUE, "SZ" + i, "PSB", Cases.MATTER, "li.na", "case",
					LocalDate.of(2026, 10, 8 + i), "late", null));
		}
		assertEquals(List.of(), RULES.repeats(yellows.subList(0, 2)));
		List<Card> red = RULES.repeats(yellows);
		assertEquals(1, red.size());
		assertEquals(CardLevel.RED, red.get(0).level());
		assertEquals("li.na:2026-10", red.get(0).subject());
		assertEquals(LocalDate.of(2026, 10, 11), red.get(0).raisedOn(), "the day of the third");
		assertEquals(red.get(0).key(), RULES.repeats(List.of(yellows.get(2), yellows.get(0), yellows.get(1), yellows.get(0)))
				.get(0).key(), "the same card whatever the order, a card counted once");
		List<Card> twoMonths = List.of(yellows.get(0), yellows.get(1), new Card(CardLevel.YELLOW, SignalRules.CASE_OVERDUE,
				"SZ9", "PSB", Cases.MATTER, "li.na", "case", LocalDate.of(2026, 11, 2), "late", null));
		assertEquals(List.of(), RULES.repeats(twoMonths), "another month");
	}

	@Test
	void aRulesFileThatLacksAKeyIsRefusedWhenRead() {
		assertEquals("supervision rule warning.days is not set", org.junit.jupiter.api.Assertions.assertThrows(
				IllegalArgumentException.class, () -> Rules.read(new java.io.StringReader("red.overdue.days=3"))).getMessage());
	}
}
