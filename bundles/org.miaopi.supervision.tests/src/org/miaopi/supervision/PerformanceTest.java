package org.miaopi.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.CardLevel;
import org.miaopi.core.supervision.CaseRecord;

/** The monthly score after the documented scheme: 100, −3 per three warnings, −5 a yellow, −10 a red, + early. */
class PerformanceTest {

	static final LocalDate FROM = LocalDate.of(2026, 9, 1);
	static final LocalDate TO = LocalDate.of(2026, 9, 30);

	private static Card card(CardLevel level, String officer, int day) {
		return new Card(level, "X", "SZ" + day + level, "PSB", Cases.MATTER, officer, "case", LocalDate.of(2026, 9, day), "e", null);
	}

	@Test
	void cardsDeductAndEarlyCasesAdd() {
		List<CaseRecord> cases = new ArrayList<>();
		// received 1 Sep with 10 working days; decided 3 Sep: 8 working days early
		cases.add(Cases.of("E1").received(FROM).deadline(LocalDate.of(2026, 9, 15)).status(DossierStatus.APPROVED)
				.decided(DecisionKind.APPROVE, LocalDate.of(2026, 9, 3), List.of(), null).build());
		// decided on its last day: on time, not early
		cases.add(Cases.of("E2").received(FROM).deadline(LocalDate.of(2026, 9, 15)).status(DossierStatus.REJECTED)
				.decided(DecisionKind.REJECT, LocalDate.of(2026, 9, 15), List.of("R"), "basis").build());
		cases.add(Cases.of("E3").received(FROM).deadline(LocalDate.of(2026, 9, 15)).build());
		List<Card> cards = new ArrayList<>();
		for (int d = 1; d <= 7; d++) {
			cards.add(card(CardLevel.WARNING, Cases.OFFICER, d)); // 7 warnings: two runs of three
		}
		cards.add(card(CardLevel.YELLOW, Cases.OFFICER, 10));
		cards.add(card(CardLevel.RED, Cases.OFFICER, 11));
		cards.add(new Card(CardLevel.RED, "X", "SZX", "PSB", Cases.MATTER, Cases.OFFICER, "case", LocalDate.of(2026, 10, 1),
				"outside the period", null));
		List<Performance.Row> rows = Performance.evaluate(cases, cards, Performance.By.OFFICER, FROM, TO, Rules.defaults(),
				WorkingDayCalendar.china(), LocalDate.of(2026, 10, 20));
		assertEquals(1, rows.size());
		Performance.Row r = rows.get(0);
		assertEquals(3, r.volume());
		assertEquals(2, r.decided());
		assertEquals(2, r.onTime());
		assertEquals(1, r.refusals());
		assertEquals(1, r.early());
		assertEquals(7, r.warnings());
		assertEquals(1, r.yellows());
		assertEquals(1, r.reds(), "a card outside the period does not count");
		assertEquals(100 - 6 - 5 - 10 + 1, r.score());
		assertEquals(1.0, r.onTimeRate());
	}

	@Test
	void aPeriodOfTwoMonthsStartsFromTwoHundredAndTheScoreNeverFallsBelowZero() {
		List<Card> many = new ArrayList<>();
		for (int d = 1; d <= 25; d++) {
			many.add(card(CardLevel.RED, "zhao.lei", d));
		}
		List<Performance.Row> rows = Performance.evaluate(List.of(), many, Performance.By.OFFICER, FROM, TO, Rules.defaults(),
				WorkingDayCalendar.china(), TO);
		assertEquals(0, rows.get(0).score());
		List<Performance.Row> two = Performance.evaluate(List.of(), List.of(card(CardLevel.YELLOW, "zhao.lei", 2)),
				Performance.By.DEPARTMENT, FROM, LocalDate.of(2026, 10, 31), Rules.defaults(), WorkingDayCalendar.china(), TO);
		assertEquals("PSB", two.get(0).key());
		assertEquals(195, two.get(0).score());
	}
}
