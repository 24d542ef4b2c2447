package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.NaturalPerson;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.CaseQuery;
import org.miaopi.core.supervision.CaseRecord;
import org.miaopi.core.supervision.DecisionRecord;
import org.miaopi.core.supervision.Mark;
import org.miaopi.core.supervision.SupervisionAccess;
import org.miaopi.store.jpa.MapCodec;
import org.miaopi.supervision.CaseClock;
import org.miaopi.supervision.Performance;
import org.miaopi.supervision.Rules;
import org.miaopi.supervision.SignalRules;
import org.miaopi.supervision.Stage;
import org.miaopi.supervision.SupervisionService;

/**
 * Signals and the performance evaluation read all dossiers at once (their mismatch count from
 * DOSSIER.ATTENTION, a period from its own index) and count working days from the calendar's table;
 * on a hand-built store around the 2026 Mid-Autumn and National Day holidays and their make-up working
 * days they must say exactly what the rule-by-rule evaluation says: each dossier read on its own (its
 * comparison results counted, its decisions and steps), each clock walked day by day.
 */
class SupervisionFastPathTest extends SeededStoreTest {

	static final Officer CITY = new Officer("city.supervisor", "林监察", "JCJ", EnumSet.of(Role.SUPERVISOR, Role.CITY_SUPERVISOR));
	static final WorkingDayCalendar CAL = WorkingDayCalendar.china();
	static final LocalDate FROM = LocalDate.of(2026, 9, 1);

	private long seq = 1_000_000;

	private static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	private static Instant at(String iso) {
		return d(iso).atTime(LocalTime.of(10, 0)).atZone(ChinaTime.ZONE).toInstant();
	}

	private static Dossier dossier(String no, String dept, DossierStatus status, String received, String deadline,
			String officer) {
		return new Dossier(no, dept.equals("PSB") ? "GRAD-HUKOU" : "PHARMACY", null, new NaturalPerson(Fixtures.residentId(
				Math.abs(no.hashCode())), "张伟"), Map.of("name", "张伟"), List.of(), at(received), d(deadline), status, officer, dept);
	}

	private static ComparisonResult result(String field, ComparisonOutcome outcome) {
		return new ComparisonResult("R1", field, "深圳大学", "中山大学", outcome, SharedSource.EDUCATION, at("2026-09-01"), null);
	}

	private static Decision decision(String no, DecisionKind kind, String day, String officer, List<String> reasons,
			String basis) {
		boolean system = officer.equals(Officer.SYSTEM_ID);
		return new Decision(no, kind, reasons, basis, officer, at(day), system, null, system ? "grad-hukou" : null,
				system ? "1" : null, system ? Sha256.parse("ab".repeat(32)) : null);
	}

	/** A step with its own time, as a desk that took it would have written it (the chain is not verified here). */
	private void step(String no, String type, String day, Map<String, String> details) throws SQLException {
		try (Connection c = store.connect(); PreparedStatement e = c.prepareStatement("INSERT INTO AUDIT_EVENT (SEQ, EVENT_MS,"
				+ " ACTOR, DOSSIER_NO, TYPE, DETAILS, PREV_HASH, HASH) VALUES (?, ?, 'li.na', ?, ?, ?, ?, ?)")) {
			e.setLong(1, ++seq);
			e.setLong(2, at(day).toEpochMilli());
			e.setString(3, no);
			e.setString(4, type);
			e.setString(5, MapCodec.encode(details));
			e.setString(6, "0".repeat(64));
			e.setString(7, "0".repeat(64));
			e.executeUpdate();
			SupervisionSteps.record(c, seq - 1, seq); // what the ledger's writer keeps on the dossier's row
		}
	}

	@BeforeEach
	void casesAroundNationalDay() throws SQLException {
		String li = Fixtures.OFFICER.id();
		store.putDossiers(List.of(
				// under review: review started on the make-up Sunday 20 Sep, a supplement awaited over the holidays,
				// supplied on the make-up Saturday 10 Oct; two mismatches
				dossier("A1", "PSB", DossierStatus.IN_REVIEW, "2026-09-17", "2026-10-09", li),
				// refused on the first working day after National Day, with no legal basis; its 容缺 material never came
				dossier("A2", "PSB", DossierStatus.REJECTED, "2026-09-24", "2026-10-14", null),
				// approved on the make-up Saturday over a mismatch, the certificate issued on Monday
				dossier("A3", "PSB", DossierStatus.CERTIFICATE_ISSUED, "2026-09-28", "2026-10-16", null),
				// assigned the day before the holiday, its deadline the Monday after the make-up Saturday
				dossier("M1", "MSB", DossierStatus.ASSIGNED, "2026-09-30", "2026-10-12", Fixtures.OTHER.id()),
				// received, not even pre-checked, never compared
				dossier("M2", "MSB", DossierStatus.RECEIVED, "2026-10-09", "2026-10-23", null),
				// 秒批 approval over a stale record (a mismatch that is no override: the system decided)
				dossier("A4", "PSB", DossierStatus.CERTIFICATE_ISSUED, "2026-09-21", "2026-10-10", null),
				// approved late, long ago, its certificate not issued: outside the period, its issue stage running
				dossier("A5", "PSB", DossierStatus.APPROVED, "2026-08-03", "2026-08-14", null)), "test");
		store.putComparisons(Map.of("A1", List.of(result("school", ComparisonOutcome.MISMATCH), result("degree",
				ComparisonOutcome.STALE), result("name", ComparisonOutcome.MATCH)), "A3", List.of(result("school",
						ComparisonOutcome.MISMATCH)), "A4", List.of(result("school", ComparisonOutcome.STALE)), "M1",
				List.of(result("school", ComparisonOutcome.MATCH))));
		store.putDecisions(List.of(decision("A1", DecisionKind.REQUEST_SUPPLEMENT, "2026-09-29", li, List.of("MATERIAL_UNREADABLE"),
				null), decision("A3", DecisionKind.APPROVE, "2026-10-10", li, List.of("OVERRIDE_MISMATCH"), null),
				decision("A4", DecisionKind.APPROVE, "2026-09-21", Officer.SYSTEM_ID, List.of(), null),
				decision("A5", DecisionKind.APPROVE, "2026-08-20", li, List.of(), null)), "test");
		// a refusal without legal basis cannot be written through the model: as an older desk stored it
		try (Connection c = store.connect(); Statement x = c.createStatement()) {
			x.execute("INSERT INTO DECISION (ID, DOSSIER_NO, KIND, REASON_CODES, OFFICER_ID, DECIDED_MS, AUTOMATIC,"
					+ " DEPARTMENT_CODE, MATTER_CODE) VALUES (900000, 'A2', 'REJECT', 'NOT_ELIGIBLE', 'li.na', "
					+ at("2026-10-08").toEpochMilli() + ", 0, 'PSB', 'GRAD-HUKOU')");
		}
		step("A1", "dossier.pre-checked", "2026-09-17", Map.of());
		step("A1", "dossier.assigned", "2026-09-18", Map.of());
		step("A1", "dossier.review-started", "2026-09-20", Map.of());
		step("A1", "dossier.supplement-requested", "2026-09-29", Map.of());
		step("A1", "dossier.supplement-received", "2026-10-10", Map.of());
		step("A2", "dossier.pre-checked", "2026-09-24", Map.of("supplementDue", "2026-09-30"));
		step("A2", "dossier.missing-material-requested", "2026-09-24", Map.of());
		step("A2", "dossier.review-started", "2026-09-28", Map.of());
		step("A2", "dossier.rejected", "2026-10-08", Map.of());
		step("A3", "dossier.pre-checked", "2026-09-28", Map.of());
		step("A3", "dossier.review-started", "2026-09-29", Map.of());
		step("A3", "dossier.approved", "2026-10-10", Map.of());
		step("A3", "certificate.issued", "2026-10-12", Map.of());
		step("M1", "dossier.pre-checked", "2026-09-30", Map.of());
		step("M1", "dossier.assigned", "2026-09-30", Map.of());
		step("A4", "dossier.pre-checked", "2026-09-21", Map.of());
		step("A4", "dossier.auto-approved", "2026-09-21", Map.of());
		store.forgetLedgerHead();
	}

	/** One dossier read on its own: its row, its comparison results counted, its decisions, its steps. */
	private CaseRecord oneByOne(String no) throws SQLException {
		try (Connection c = store.connect()) {
			int mismatches;
			try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM COMPARISON WHERE DOSSIER_NO = ? AND OUTCOME <> 'MATCH'")) {
				p.setString(1, no);
				ResultSet r = p.executeQuery();
				r.next();
				mismatches = r.getInt(1);
			}
			String[] row = new String[7];
			try (PreparedStatement p = c.prepareStatement("SELECT NUMBER, MATTER_CODE, DEPARTMENT_CODE, OFFICER_ID, STATUS,"
					+ " RECEIVED_MS, DEADLINE FROM DOSSIER WHERE NUMBER = ?")) {
				p.setString(1, no);
				ResultSet r = p.executeQuery();
				assertTrue(r.next(), no);
				for (int i = 0; i < 7; i++) {
					row[i] = r.getString(i + 1);
				}
			}
			List<DecisionRecord> decisions = new ArrayList<>();
			try (PreparedStatement p = c.prepareStatement("SELECT KIND, REASON_CODES, LEGAL_BASIS, OFFICER_ID, DECIDED_MS, AUTOMATIC,"
					+ " JUSTIFICATION, POLICY_ID, POLICY_VERSION, INPUTS_DIGEST FROM DECISION WHERE DOSSIER_NO = ? ORDER BY DECIDED_MS, ID")) {
				p.setString(1, no);
				ResultSet r = p.executeQuery();
				while (r.next()) {
					String reasons = r.getString(2);
					decisions.add(new DecisionRecord(no, row[2], row[1], DecisionKind.valueOf(r.getString(1)),
							reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")), r.getString(3), r.getString(4),
							Instant.ofEpochMilli(r.getLong(5)), r.getInt(6) != 0, r.getString(7), r.getString(8), r.getString(9),
							r.getString(10) == null ? null : r.getString(10).strip(), mismatches));
				}
			}
			List<Mark> marks = new ArrayList<>();
			try (PreparedStatement p = c.prepareStatement("SELECT TYPE, EVENT_MS, DETAILS FROM AUDIT_EVENT WHERE DOSSIER_NO = ? ORDER BY SEQ")) {
				p.setString(1, no);
				ResultSet r = p.executeQuery();
				while (r.next()) {
					if (SupervisionReads.STEP_TYPES.contains(r.getString(1))) {
						String due = MapCodec.decode(r.getString(3)).get("supplementDue");
						marks.add(new Mark(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), due == null
								|| !r.getString(1).equals("dossier.pre-checked") ? Map.of() : Map.of("supplementDue", due)));
					}
				}
			}
			return new CaseRecord(no, row[1], row[2], row[3], DossierStatus.valueOf(row[4]), Instant.ofEpochMilli(Long.parseLong(
					row[5])), LocalDate.parse(row[6]), marks, decisions, mismatches);
		}
	}

	private List<CaseRecord> oneByOne(List<String> numbers) throws SQLException {
		List<CaseRecord> out = new ArrayList<>();
		for (String no : numbers) {
			out.add(oneByOne(no));
		}
		return out;
	}

	/** Working days in (from, to], walked. */
	private static int walked(LocalDate from, LocalDate to) {
		int n = 0;
		for (LocalDate x = from.plusDays(1); !x.isAfter(to); x = x.plusDays(1)) {
			n += CAL.isWorkingDay(x) ? 1 : 0;
		}
		return to.isBefore(from) ? -walked(to.minusDays(1), from.minusDays(1)) : n;
	}

	@Test
	void theSetBasedReadsAreTheDossiersReadOneByOne() throws SQLException {
		List<CaseRecord> open = store.cases(CITY, CaseQuery.open(null));
		assertEquals(List.of("A1", "A5", "M1", "M2"), open.stream().map(CaseRecord::number).toList(),
				"approved and not issued yet: its issue stage runs");
		assertEquals(oneByOne(List.of("A1", "A5", "M1", "M2")), open);
		List<CaseRecord> period = store.cases(CITY, CaseQuery.receivedIn(null, FROM, d("2026-10-12")));
		assertEquals(oneByOne(List.of("A1", "A2", "A3", "A4", "M1", "M2")), period);
		assertEquals(2, period.get(0).mismatches(), "a stale record needs attention as a mismatch does");
		assertEquals(0, period.get(5).mismatches(), "never compared");
		assertEquals(oneByOne(List.of("A1", "A2", "A3", "A4")), store.cases(Fixtures.SUPERVISOR,
				CaseQuery.receivedIn(null, FROM, d("2026-10-12"))), "a department supervisor: PSB only");
		assertEquals(List.of("A3"), store.decisions(CITY, null, FROM, d("2026-10-12")).stream()
				.filter(DecisionRecord::isOverride).map(DecisionRecord::dossierNo).toList());
	}

	@Test
	void signalsAndThePerformanceEvaluationAreTheRuleByRuleEvaluation() throws SQLException {
		SignalRules rules = new SignalRules(Rules.defaults(), CAL);
		SupervisionService service = new SupervisionService(store, null, null, rules);
		// each day from before the holidays to after them, the make-up days included
		for (LocalDate today = d("2026-09-18"); !today.isAfter(d("2026-10-16")); today = today.plusDays(1)) {
			List<SupervisionService.CaseSignal> fast = service.signals(CITY, null, today);
			List<CaseRecord> expected = oneByOne(fast.stream().map(s -> s.record().number()).toList());
			for (int i = 0; i < fast.size(); i++) {
				CaseRecord c = expected.get(i);
				SupervisionService.CaseSignal s = fast.get(i);
				String what = c.number() + " on " + today;
				assertEquals(c, s.record(), what);
				assertEquals(keysAndEvidence(rules.cards(c, today)), keysAndEvidence(rules.cards(s.clock(), today)), what);
				assertEquals(rules.signal(c, today), s.signal(), what);
				assertEquals(worst(rules.cards(c, today)), s.signal(), what + ": the signal judged without evidence is the worst card's");
				LocalDate received = ChinaTime.dateOf(c.received());
				assertEquals(walked(received, c.deadline()), s.clock().limit(), what);
				LocalDate end = c.isOpen() ? today : ChinaTime.dateOf(c.finalDecision().orElseThrow().time());
				assertEquals(Math.max(0, walked(received, end)), s.clock().age(), what);
				for (CaseClock.Span span : s.clock().stages().values()) {
					assertTrue(span.used() <= walked(span.start(), span.endOrToday()), what + " " + span);
				}
			}
			List<Performance.Row> rows = service.performance(CITY, null, Performance.By.DEPARTMENT, FROM, today, today);
			List<Performance.Row> ruleByRule = Performance.evaluate(oneByOne(store.cases(CITY, CaseQuery.receivedIn(null, FROM,
					today)).stream().map(CaseRecord::number).toList()), store.cards(CITY, null, FROM, today),
					Performance.By.DEPARTMENT, FROM, today, rules.rules(), CAL, today);
			assertEquals(ruleByRule, rows, "performance on " + today);
		}
		// the numbers themselves, counted by hand on the calendar
		List<SupervisionService.CaseSignal> on12 = service.signals(CITY, null, d("2026-10-12"));
		CaseClock m1 = on12.get(2).clock();
		assertEquals(4, m1.limit(), "30 Sep to Mon 12 Oct: Thu 8, Fri 9, Sat 10 (make-up), Mon 12");
		assertEquals(4, m1.used());
		CaseClock a1 = on12.get(0).clock();
		// received Thu 17 Sep: Fri 18, Sun 20 (make-up), 21-24, 28-30, Oct 8, 9, 10 (make-up), 12 = 13 working days in
		// all; waiting for the supplement from Tue 29 Sep to Sat 10 Oct stops the clock for 30 Sep, 8, 9 and 10 Oct
		assertEquals(13, a1.age());
		assertEquals(9, a1.used());
		assertEquals(7, a1.stages().get(Stage.DECIDE).used(), "review started Sun 20 Sep (make-up): 11 working days, 4 waited");
		assertTrue(rules.cards(on12.get(3).clock(), d("2026-10-12")).stream().anyMatch(k -> k.rule().equals(SignalRules.STAGE_OVERDUE)),
				"M2 received Fri 9 Oct, not pre-checked by Mon 12: Sat 10 is a make-up working day, 2 of 1 day used");
		assertFalse(rules.cards(service.signals(CITY, null, d("2026-10-11")).get(3).clock(), d("2026-10-11")).stream()
				.anyMatch(k -> k.rule().equals(SignalRules.STAGE_OVERDUE)), "on Sunday 11 Oct it had used 1 of 1");
	}

	private static org.miaopi.supervision.Signal worst(List<Card> cards) {
		return cards.stream().map(Card::level).max(Enum::compareTo).map(l -> org.miaopi.supervision.Signal.valueOf(l.name()))
				.orElse(org.miaopi.supervision.Signal.GREEN);
	}

	private static Map<String, String> keysAndEvidence(List<Card> cards) {
		Map<String, String> out = new LinkedHashMap<>();
		cards.forEach(k -> out.put(k.key() + " " + k.level() + " " + k.raisedOn(), k.evidence()));
		return out;
	}

	@Test
	void aPeriodIsReadFromItsIndexNotByScanningEveryDossier() throws SQLException {
		List<Object> args = new ArrayList<>();
		String sql = SupervisionReads.caseSql(CaseQuery.receivedIn(null, FROM, d("2026-09-20")),
				SupervisionAccess.scope(CITY).narrowedTo(null, CITY.id()), args);
		try (Connection c = store.connect(); Statement s = c.createStatement()) {
			s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
			try (PreparedStatement ps = c.prepareStatement(sql)) {
				SupervisionReads.bind(ps, args);
				try (ResultSet r = ps.executeQuery()) {
					while (r.next()) {
						r.getString(1);
					}
				}
			}
			String plan;
			try (ResultSet r = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
				r.next();
				plan = r.getString(1);
			} finally {
				s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)");
			}
			assertTrue(plan.contains("DOSSIER_RECEIVED"), plan);
			assertFalse(plan.contains("Table Scan ResultSet for DOSSIER"), plan);
		}
	}
}
