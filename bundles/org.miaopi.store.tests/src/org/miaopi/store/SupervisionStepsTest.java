package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.CaseQuery;
import org.miaopi.core.supervision.CaseRecord;
import org.miaopi.core.supervision.DecisionRecord;
import org.miaopi.core.supervision.SupervisionRecords;
import org.miaopi.store.jpa.MapCodec;
import org.miaopi.supervision.Performance;
import org.miaopi.supervision.Rules;
import org.miaopi.supervision.SignalRules;
import org.miaopi.supervision.SupervisionService;

/**
 * Schema 20 keeps a dossier's step times on its row, and the supervision service keeps the cases of its
 * last reads and re-reads only the dossiers with a step since: both must say exactly what a full
 * recomputation says (every dossier's steps read from the ledger, nothing kept), after officers' steps and
 * decisions, a new import, a loading write, and on a store migrated from schema 18.
 */
class SupervisionStepsTest extends SeededStoreTest {

	static final Officer CITY = new Officer("city.supervisor", "林监察", "JCJ", EnumSet.of(Role.SUPERVISOR, Role.CITY_SUPERVISOR));
	static final SignalRules RULES = new SignalRules(Rules.defaults(), WorkingDayCalendar.china());
	static final LocalDate FROM = LocalDate.of(2026, 10, 26);

	/** The store as a full recomputation reads it: steps from the ledger, and no changes told (nothing kept). */
	private static SupervisionRecords fromLedger(DeskStore store) {
		return new SupervisionRecords() {
			@Override
			public List<CaseRecord> cases(Officer viewer, CaseQuery query) {
				return store.casesFromLedger(viewer, query);
			}

			@Override
			public List<DecisionRecord> decisions(Officer viewer, String department, LocalDate from, LocalDate to) {
				return store.decisions(viewer, department, from, to);
			}

			@Override
			public List<Card> recordCards(Officer viewer, List<Card> cards) {
				return store.recordCards(viewer, cards);
			}

			@Override
			public List<Card> cards(Officer viewer, String department, LocalDate from, LocalDate to) {
				return store.cards(viewer, department, from, to);
			}

			@Override
			public org.miaopi.core.supervision.Sample recordSample(Officer viewer, org.miaopi.core.supervision.Sample s) {
				return store.recordSample(viewer, s);
			}

			@Override
			public List<org.miaopi.core.supervision.Sample> samples(Officer viewer) {
				return store.samples(viewer);
			}

			@Override
			public org.miaopi.core.supervision.Review review(Officer viewer, long sample, String dossierNo,
					org.miaopi.core.supervision.ReviewOutcome outcome, String note) {
				return store.review(viewer, sample, dossierNo, outcome, note);
			}

			@Override
			public List<org.miaopi.core.supervision.Review> reviews(Officer viewer, long sample) {
				return store.reviews(viewer, sample);
			}

			@Override
			public void recordAction(Officer viewer, String type, Map<String, String> details) {
				store.recordAction(viewer, type, details);
			}
		};
	}

	private void move(String no, DossierStatus to) {
		if (to == DossierStatus.PRE_CHECKED
				&& store.find(Fixtures.OFFICER, no).orElseThrow().status() != DossierStatus.RECEIVED) {
			return; // pre-checked on import already
		}
		store.transition(Fixtures.OFFICER, TransitionRequest.move(no, to));
	}

	private void decide(String no, boolean approve) {
		store.transition(Fixtures.OFFICER, TransitionRequest.decide(approve ? Fixtures.approve(no, Fixtures.OFFICER)
				: Fixtures.supplement(no, Fixtures.OFFICER)), TestSigner.of(Fixtures.OFFICER));
	}

	private void reviewing(String no) {
		move(no, DossierStatus.PRE_CHECKED);
		store.claim(Fixtures.OFFICER, no);
		move(no, DossierStatus.IN_REVIEW);
	}

	/** Signals, the dashboard and a period's evaluation by {@code kept} equal a full recomputation's. */
	private void sameAsFullRecomputation(SupervisionService kept, String when) {
		SupervisionService full = new SupervisionService(fromLedger(store), null, null, RULES);
		LocalDate today = ChinaTime.today();
		assertEquals(store.casesFromLedger(CITY, CaseQuery.open(null)), store.cases(CITY, CaseQuery.open(null)), when);
		assertEquals(store.casesFromLedger(CITY, CaseQuery.receivedIn(null, FROM, today)),
				store.cases(CITY, CaseQuery.receivedIn(null, FROM, today)), when);
		assertEquals(full.signals(CITY, null, today), kept.signals(CITY, null, today), "signals " + when);
		assertEquals(full.dashboard(CITY, null, 8, today), kept.dashboard(CITY, null, 8, today), "dashboard " + when);
		assertEquals(full.dashboard(Fixtures.SUPERVISOR, null, 8, today), kept.dashboard(Fixtures.SUPERVISOR, null, 8, today),
				"a department supervisor's dashboard " + when);
		for (Performance.By by : Performance.By.values()) {
			assertEquals(full.performance(CITY, null, by, FROM, today, today), kept.performance(CITY, null, by, FROM, today, today),
					"performance by " + by + " " + when);
		}
	}

	@Test
	void theStepColumnsAndTheKeptFiguresFollowEveryStep() throws SQLException {
		List<org.miaopi.core.model.Dossier> dossiers = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			dossiers.add(Fixtures.dossier("D" + i, "PSB", DossierStatus.RECEIVED));
		}
		dossiers.add(Fixtures.dossier("M1", "MSB", DossierStatus.RECEIVED));
		store.putDossiers(dossiers, "intake");
		reviewing("D1");
		decide("D1", false); // a supplement: its steps are read from the ledger
		move("D1", DossierStatus.IN_REVIEW);
		reviewing("D2");
		decide("D2", true);
		move("D3", DossierStatus.PRE_CHECKED);
		reviewing("D4");
		move("D5", DossierStatus.WITHDRAWN);
		SupervisionService kept = new SupervisionService(store, null, null, RULES);
		sameAsFullRecomputation(kept, "at first");
		assertEquals(0, stepExtra("D2"), "approved without a supplement: its steps are all on its row");
		assertNotNull(stepTime("D2", "APPROVED_MS"));
		assertTrue(stepExtra("D1") > 0, "a supplement requested and received: counted, read from the ledger");
		assertNull(stepTime("D3", "REVIEW_STARTED_MS"));

		// a second reading with nothing new, then new steps and decisions, each followed by the kept figures
		sameAsFullRecomputation(kept, "read again");
		decide("D4", true);
		sameAsFullRecomputation(kept, "after an approval");
		store.claim(Fixtures.OFFICER, "D3");
		decide("D1", true);
		move("D6", DossierStatus.PRE_CHECKED);
		sameAsFullRecomputation(kept, "after three more steps");
		store.putDossiers(List.of(Fixtures.dossier("D7", "PSB", DossierStatus.RECEIVED)), "intake");
		sameAsFullRecomputation(kept, "after an import");
		// comparison results stored by the loading path write no step: the kept figures are read again
		store.putComparisons(Map.of("D6", List.of(new ComparisonResult("R1", "school", "深圳大学", "中山大学",
				ComparisonOutcome.MISMATCH, SharedSource.EDUCATION, Instant.parse("2026-11-01T00:00:00Z"), null))));
		reviewing("D6");
		store.putComparisons(Map.of("D6", List.of()));
		sameAsFullRecomputation(kept, "after comparison results were loaded");
		assertEquals(0, store.cases(CITY, CaseQuery.open(null)).stream().filter(c -> c.number().equals("D6"))
				.findFirst().orElseThrow().mismatches());
	}

	@Test
	void aStoreOfSchema18GetsItsStepColumnsFromItsLedger() throws SQLException {
		Path dir = tmp.resolve("old");
		BootSecret secret = BootSecret.keyFile(dir.resolve(DeskStore.KEY_FILE), true);
		Instant received = ChinaTime.today().minusDays(9).atTime(9, 0).atZone(ChinaTime.ZONE).toInstant();
		try (DerbyDatabase old = DerbyDatabase.open(dir.resolve(DeskStore.DATABASE_DIR), secret, 18);
				Connection c = old.connect()) {
			dossier(c, "O1", "IN_REVIEW", received);
			dossier(c, "O2", "ASSIGNED", received);
			dossier(c, "O3", "PRE_CHECKED", received);
			dossier(c, "O4", "RECEIVED", received);
			long seq = 0;
			seq = event(c, seq, "O1", "dossier.pre-checked", received.plusSeconds(60), Map.of("supplementDue", "2026-12-31"));
			seq = event(c, seq, "O1", "dossier.assigned", received.plusSeconds(120), Map.of());
			seq = event(c, seq, "O1", "dossier.review-started", received.plusSeconds(86_400 * 2), Map.of());
			seq = event(c, seq, "O1", "dossier.missing-material-requested", received.plusSeconds(86_400 * 2), Map.of());
			seq = event(c, seq, "O2", "dossier.pre-checked", received.plusSeconds(60), Map.of());
			seq = event(c, seq, "O2", "dossier.assigned", received.plusSeconds(3_600), Map.of());
			seq = event(c, seq, "O2", "dossier.assigned", received.plusSeconds(86_400 * 3), Map.of()); // reassigned
			seq = event(c, seq, "O3", "dossier.pre-checked", received.plusSeconds(86_400), Map.of());
			event(c, seq, "O3", "dossier.note", received.plusSeconds(86_400 * 2), Map.of()); // not a step
		}
		try (DeskStore migrated = DeskStore.open(dir, secret)) {
			assertEquals(18, migrated.previousSchemaVersion());
			List<CaseRecord> open = readAsFromItsLedger(migrated);
			assertEquals(List.of("O1", "O2", "O3", "O4"), open.stream().map(CaseRecord::number).toList());
			SupervisionService service = new SupervisionService(migrated, null, null, RULES);
			SupervisionService full = new SupervisionService(fromLedger(migrated), null, null, RULES);
			LocalDate today = ChinaTime.today();
			assertEquals(full.dashboard(CITY, null, 8, today), service.dashboard(CITY, null, 8, today));
			try (Connection c = migrated.databaseForTests().connect()) {
				assertEquals(1, extra(c, "O1"), "the 容缺 request is counted, not kept as a first");
				assertEquals(1, extra(c, "O2"), "the second assignment");
				assertEquals(0, extra(c, "O3"), "one pre-check; a note is no step");
				assertEquals(0, extra(c, "O4"));
			}
		}
	}

	/**
	 * The open read asks DECISION only for dossiers whose row tells of a decision (schema 21): a deciding step,
	 * or counted events. A store of schema 20 holds imported decisions no column tells of; migrated, each is
	 * counted, and the open read finds every decision a full recomputation finds, with those of an approval.
	 */
	@Test
	void aStoreOfSchema20CountsItsImportedDecisions() throws SQLException {
		Path dir = tmp.resolve("v20");
		BootSecret secret = BootSecret.keyFile(dir.resolve(DeskStore.KEY_FILE), true);
		Instant received = ChinaTime.today().minusDays(9).atTime(9, 0).atZone(ChinaTime.ZONE).toInstant();
		try (DerbyDatabase old = DerbyDatabase.open(dir.resolve(DeskStore.DATABASE_DIR), secret, 20);
				Connection c = old.connect()) {
			dossier(c, "I1", "APPROVED", received); // approved elsewhere, imported with its decision
			dossier(c, "I2", "SUPPLEMENT_REQUESTED", received); // a supplement requested elsewhere
			dossier(c, "I3", "APPROVED", received); // approved here: its step is on its row
			dossier(c, "I4", "IN_REVIEW", received); // no decision
			long seq = 0;
			seq = event(c, seq, "I1", "decision.imported", received.plusSeconds(60), Map.of("decision", "APPROVE"));
			seq = event(c, seq, "I2", "decision.imported", received.plusSeconds(60), Map.of("decision", "REQUEST_SUPPLEMENT"));
			seq = event(c, seq, "I2", "decision.imported", received.plusSeconds(120), Map.of("decision", "REQUEST_SUPPLEMENT"));
			seq = event(c, seq, "I3", "dossier.pre-checked", received.plusSeconds(60), Map.of());
			seq = event(c, seq, "I3", "dossier.review-started", received.plusSeconds(3_600), Map.of());
			seq = event(c, seq, "I3", "dossier.approved", received.plusSeconds(86_400), Map.of());
			event(c, seq, "I4", "dossier.pre-checked", received.plusSeconds(60), Map.of());
			try (java.sql.Statement x = c.createStatement()) {
				// what V20 kept of these steps
				x.execute("UPDATE DOSSIER SET PRE_CHECKED_MS = " + received.plusSeconds(60).toEpochMilli()
						+ " WHERE NUMBER IN ('I3', 'I4')");
				x.execute("UPDATE DOSSIER SET REVIEW_STARTED_MS = " + received.plusSeconds(3_600).toEpochMilli()
						+ ", APPROVED_MS = " + received.plusSeconds(86_400).toEpochMilli() + " WHERE NUMBER = 'I3'");
			}
			decision(c, 1, "I1", "APPROVE", received.plusSeconds(60));
			decision(c, 2, "I2", "REQUEST_SUPPLEMENT", received.plusSeconds(60));
			decision(c, 3, "I2", "REQUEST_SUPPLEMENT", received.plusSeconds(120));
			decision(c, 6, "I3", "APPROVE", received.plusSeconds(86_400));
		}
		try (DeskStore migrated = DeskStore.open(dir, secret)) {
			assertEquals(20, migrated.previousSchemaVersion());
			List<CaseRecord> open = readAsFromItsLedger(migrated);
			assertEquals(List.of("I1", "I2", "I3", "I4"), open.stream().map(CaseRecord::number).toList());
			assertEquals(List.of(1, 2, 1, 0), open.stream().map(x -> x.decisions().size()).toList(),
					"every decision, the imported ones too; none where there is none");
			try (Connection c = migrated.databaseForTests().connect()) {
				assertEquals(1, extra(c, "I1"), "one import counted");
				assertEquals(2, extra(c, "I2"), "two imports counted");
				assertEquals(0, extra(c, "I3"), "its approval is on its row");
				assertEquals(0, extra(c, "I4"));
			}
			// an import after the migration is counted by the ledger's writer
			migrated.putDecisions(List.of(Fixtures.approve("I4", Fixtures.OFFICER)), "test");
			try (Connection c = migrated.databaseForTests().connect()) {
				assertEquals(1, extra(c, "I4"), "an import is counted when it is written");
			}
			List<CaseRecord> after = migrated.cases(CITY, CaseQuery.open(null));
			assertEquals(1, after.get(3).decisions().size(), "the new import is read with the open dossier");
			assertEquals(migrated.casesFromLedger(CITY, CaseQuery.open(null)), after);
		}
	}

	/**
	 * A migrated store's open dossiers, read from its rows: the same as from its ledger, with the same live
	 * signals as a full recomputation from the ledger.
	 */
	private static List<CaseRecord> readAsFromItsLedger(DeskStore migrated) {
		List<CaseRecord> open = migrated.cases(CITY, CaseQuery.open(null));
		assertEquals(migrated.casesFromLedger(CITY, CaseQuery.open(null)), open);
		LocalDate today = ChinaTime.today();
		assertEquals(new SupervisionService(fromLedger(migrated), null, null, RULES).signals(CITY, null, today),
				new SupervisionService(migrated, null, null, RULES).signals(CITY, null, today));
		return open;
	}

	private static void decision(Connection c, long id, String no, String kind, Instant at) throws SQLException {
		try (PreparedStatement d = c.prepareStatement("INSERT INTO DECISION (ID, DOSSIER_NO, KIND, REASON_CODES, OFFICER_ID,"
				+ " DECIDED_MS, AUTOMATIC, DEPARTMENT_CODE, MATTER_CODE) VALUES (?, ?, ?, '', 'li.na', ?, 0, 'PSB', 'GRAD-HUKOU')")) {
			d.setLong(1, id);
			d.setString(2, no);
			d.setString(3, kind);
			d.setLong(4, at.toEpochMilli());
			d.executeUpdate();
		}
	}

	private static void dossier(Connection c, String no, String status, Instant received) throws SQLException {
		try (PreparedStatement d = c.prepareStatement("INSERT INTO DOSSIER (NUMBER, MATTER_CODE, APPLICANT_KIND, SUBJECT_ID,"
				+ " APPLICANT_NAME, RECEIVED_MS, DEADLINE, STATUS, OFFICER_ID, DEPARTMENT_CODE, VERSION, ATTENTION)"
				+ " VALUES (?, 'GRAD-HUKOU', 'N', '440301199001010000', '张伟', ?, ?, ?, 'li.na', 'PSB', 0, -1)")) {
			d.setString(1, no);
			d.setLong(2, received.toEpochMilli());
			d.setDate(3, java.sql.Date.valueOf(ChinaTime.dateOf(received).plusDays(14)));
			d.setString(4, status);
			d.executeUpdate();
		}
	}

	private static long event(Connection c, long seq, String no, String type, Instant at, Map<String, String> details)
			throws SQLException {
		try (PreparedStatement e = c.prepareStatement("INSERT INTO AUDIT_EVENT (SEQ, EVENT_MS, ACTOR, DOSSIER_NO, TYPE,"
				+ " DETAILS, PREV_HASH, HASH) VALUES (?, ?, 'li.na', ?, ?, ?, ?, ?)")) {
			e.setLong(1, seq + 1);
			e.setLong(2, at.toEpochMilli());
			e.setString(3, no);
			e.setString(4, type);
			e.setString(5, MapCodec.encode(details));
			e.setString(6, "0".repeat(64));
			e.setString(7, "0".repeat(64));
			e.executeUpdate();
		}
		return seq + 1;
	}

	private static int extra(Connection c, String no) throws SQLException {
		try (PreparedStatement p = c.prepareStatement("SELECT STEP_EXTRA FROM DOSSIER WHERE NUMBER = ?")) {
			p.setString(1, no);
			try (ResultSet r = p.executeQuery()) {
				r.next();
				return r.getInt(1);
			}
		}
	}

	private int stepExtra(String no) throws SQLException {
		try (Connection c = store.connect()) {
			return extra(c, no);
		}
	}

	private Long stepTime(String no, String column) throws SQLException {
		try (Connection c = store.connect(); PreparedStatement p = c.prepareStatement("SELECT " + column
				+ " FROM DOSSIER WHERE NUMBER = ?")) {
			p.setString(1, no);
			try (ResultSet r = p.executeQuery()) {
				r.next();
				long v = r.getLong(1);
				return r.wasNull() ? null : v;
			}
		}
	}
}
