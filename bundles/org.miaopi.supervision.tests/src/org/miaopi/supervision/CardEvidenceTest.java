package org.miaopi.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.CardLevel;

/**
 * A card's evidence is stored as facts in no language and read as a sentence in the reader's: the
 * same stored card in English and in Chinese, whatever the machine's locale; cards stored before as
 * English sentences read as stored; every English text has its Chinese twin.
 */
class CardEvidenceTest {

	static final SignalRules RULES = new SignalRules(Rules.defaults(), WorkingDayCalendar.china());

	private static Card farOverdue() {
		return RULES.cards(Cases.of("SZ1").status(DossierStatus.ASSIGNED).deadline(LocalDate.of(2026, 10, 8)).build(),
				LocalDate.of(2026, 10, 12)).stream().filter(k -> k.level() == CardLevel.RED).findFirst().orElseThrow();
	}

	@Test
	void theStoredEvidenceIsFactsInNoLanguage() {
		Card red = farOverdue();
		assertEquals("over=3; red=3; v=open; officer=li.na; used=8; limit=5; deadline=2026-10-08; age=8; received=2026-09-23", red.evidence());
		assertTrue(red.evidence().chars().allMatch(c -> c < 128), "no word of either language in the stored row");
	}

	@Test
	void oneStoredCardReadsInEnglishAndInChinese() {
		Card red = farOverdue();
		assertEquals("past the limit by 3 working days (red at 3); open, held by li.na, used 8 of 5 working days (deadline 2026-10-08)"
				+ " (8 working days since receipt 2026-09-23)", CardEvidence.render(red, Locale.ENGLISH));
		assertEquals("超出时限 3 个工作日（满 3 个工作日亮红牌）；尚未办结（li.na 承办），已用 8/5 个工作日（承诺期限 2026-10-08）"
				+ "（自 2026-09-23 受理起共 8 个工作日）", CardEvidence.render(red, Locale.SIMPLIFIED_CHINESE));
		assertEquals("红牌", CardEvidence.level(red, Locale.CHINA));
		assertEquals("Red card", CardEvidence.level(red, Locale.ENGLISH));
	}

	@Test
	void englishStaysEnglishOnAChineseMachine() {
		Locale before = Locale.getDefault();
		Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
		try {
			assertTrue(CardEvidence.render(farOverdue(), Locale.ENGLISH).startsWith("past the limit"));
		} finally {
			Locale.setDefault(before);
		}
	}

	@Test
	void aStageAndARefusalReadInChineseWithTheStagesName() {
		Card refusal = RULES.cards(Cases.of("SZ6").status(DossierStatus.REJECTED)
				.decided(DecisionKind.REJECT, LocalDate.of(2026, 9, 24), List.of("NOT_ELIGIBLE"), null).build(),
				LocalDate.of(2026, 9, 28)).get(0);
		assertEquals("li.na 于 2026-09-24 作出不予许可决定，未写明法律依据", CardEvidence.render(refusal, Locale.CHINA));
		Card stage = new Card(CardLevel.YELLOW, SignalRules.STAGE_OVERDUE, "SZ2", "PSB", "M", "li.na", "review",
				LocalDate.of(2026, 10, 9), CardEvidence.of("v", "ended", "stage", "review", "start", "2026-09-24", "end",
						"2026-10-09", "used", 4, "limit", 3), null);
		assertEquals("审查环节自 2026-09-24 至 2026-10-09：用时 4/3 个工作日", CardEvidence.render(stage, Locale.CHINA));
		assertEquals("stage review from 2026-09-24 to 2026-10-09: used 4 of 3 working days", CardEvidence.render(stage, Locale.ENGLISH));
	}

	@Test
	void everyRuleHasItsNameInEnglishAndInChinese() {
		for (String rule : SignalRules.RULES) {
			String en = CardEvidence.ruleName(rule, Locale.ENGLISH);
			String zh = CardEvidence.ruleName(rule, Locale.SIMPLIFIED_CHINESE);
			assertFalse(en.equals(rule) || en.contains("_"), rule + " has no English name: " + en);
			assertTrue(zh.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), rule + " in Chinese: " + zh);
		}
		assertEquals("环节超时", CardEvidence.ruleName(SignalRules.STAGE_OVERDUE, Locale.CHINA));
		assertEquals("Stage past its limit", CardEvidence.ruleName(SignalRules.STAGE_OVERDUE, Locale.ENGLISH));
		// a newer plugin's rule this desk cannot name: its code
		assertEquals("SOME_NEW_RULE", CardEvidence.ruleName("SOME_NEW_RULE", Locale.CHINA));
	}

	@Test
	void aReportShowsTheRulesNameWithItsCodeInSmallPrintAndTheStagesName() {
		Card stage = new Card(CardLevel.YELLOW, SignalRules.STAGE_OVERDUE, "SZ2", "PSB", "M", "li.na", "review",
				LocalDate.of(2026, 10, 9), "v=open; stage=review; start=2026-09-24; used=4; limit=3", null);
		Reports.Request zh = new Reports.Request(Reports.Kind.CARDS, null, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
				LocalDate.of(2026, 10, 31), null, Locale.CHINA);
		List<String> row = List.of("YELLOW", stage.rule(), "环节超时", "SZ2", "PSB", "市公安局", "M", "M", "li.na", "李娜", "review",
				"2026-10-09", CardEvidence.render(stage, Locale.CHINA), stage.evidence());
		List<String> shown = Reports.shown(new Reports.Table(zh, Reports.CARDS, List.of(row)), row);
		assertEquals("黄牌", shown.get(0));
		assertEquals("环节超时\nSTAGE_OVERDUE", shown.get(1));
		assertEquals(Reports.CARDS.size() - 5, shown.size(), "the stored facts are the CSV's, the names in their codes' columns");
		assertEquals(List.of("SZ2", "市公安局\nPSB", "M", "李娜\nli.na", "review"), shown.subList(2, 7),
				"a name over its code; a matter the desk cannot name is its code, once");
		List<String> signal = List.of("SZ2", "PSB", "", "M", "M", "", "", "IN_REVIEW", "GREEN", "review", "1", "3", "2", "10", "2",
				"2026-10-20");
		Reports.Request signals = new Reports.Request(Reports.Kind.SIGNALS, null, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
				LocalDate.of(2026, 10, 31), null, Locale.CHINA);
		List<String> told = Reports.shown(new Reports.Table(signals, Reports.SIGNALS, List.of(signal)), signal);
		assertEquals(List.of("SZ2", "PSB", "M", "", "审查中", "绿灯", "审查"), told.subList(0, 7),
				"a department without a name, nobody holding the case: as the codes");
	}

	@Test
	void aCardStoredAsAnEnglishSentenceReadsAsStored() {
		String old = "used 4 of 5 working days, 1 left before the deadline 2026-10-08 (4 working days since receipt 2026-09-23)";
		Card k = new Card(CardLevel.WARNING, SignalRules.CASE_WARNING, "SZ1", "PSB", "M", "li.na", "case",
				LocalDate.of(2026, 10, 7), old, null);
		assertTrue(CardEvidence.facts(old).isEmpty());
		assertEquals(old, CardEvidence.render(k, Locale.CHINA));
	}

	@Test
	void everyEnglishTextHasItsChineseTwin() throws IOException {
		Properties en = load("text.properties");
		Properties zh = load("text_zh.properties");
		assertEquals(en.keySet(), zh.keySet());
		for (String rule : SignalRules.RULES) {
			assertTrue(en.keySet().stream().anyMatch(key -> key.toString().startsWith("evidence." + rule)), rule);
		}
		zh.values().forEach(v -> assertFalse(v.toString().isBlank()));
	}

	private static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (InputStream in = SupervisionText.class.getResourceAsStream(name)) {
			p.load(in);
		}
		return p;
	}
}
