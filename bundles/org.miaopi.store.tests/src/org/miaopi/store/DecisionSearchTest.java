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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.CardLevel;
import org.miaopi.core.supervision.DecisionQuery;
import org.miaopi.core.supervision.DecisionRecord;
import org.miaopi.core.supervision.SupervisionAccess;

/**
 * The decision search reads DECISION alone (schema 17): with each filter it finds the same rows in the
 * same order as the join over DOSSIER, COMPARISON and SUPERVISION_CARD it replaced, page after page; a
 * page reads its own rows from one index and sorts nothing; and the columns it reads follow the
 * decisions, comparisons and cards the store's writers store.
 */
class DecisionSearchTest extends SeededStoreTest {

	static final Officer CITY = new Officer("city.supervisor", "林监察", "JCJ",
			EnumSet.of(Role.SUPERVISOR, Role.CITY_SUPERVISOR));
	static final Officer AMR_SUPERVISOR = new Officer("amr.supervisor", "周明", "SZAMR", EnumSet.of(Role.SUPERVISOR));
	static final int PAGE = 37;
	static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

	/** The search as it was before schema 17: the join, the EXISTS probes, every row. */
	private static final String JOINED = "SELECT d.DOSSIER_NO, d.DECIDED_MS, s.DEPARTMENT_CODE, s.MATTER_CODE, d.OFFICER_ID,"
			+ " d.KIND FROM DECISION d JOIN DOSSIER s ON s.NUMBER = d.DOSSIER_NO WHERE 1 = 1";

	private static DecisionQuery q(String dept, String matter, String officer, DecisionKind kind, String reason,
			Boolean automatic, boolean overrides, boolean carded, LocalDate from, LocalDate to) {
		return new DecisionQuery(dept, matter, officer, kind, reason, automatic, overrides, carded, from, to, null, null, PAGE);
	}

	private Map<String, DecisionQuery> filters() {
		LocalDate today = ChinaTime.today();
		Map<String, DecisionQuery> f = new LinkedHashMap<>();
		f.put("none", q(null, null, null, null, null, null, false, false, null, null));
		f.put("department", q("SZAMR", null, null, null, null, null, false, false, null, null));
		f.put("matter", q(null, "RIDE-HAILING", null, null, null, null, false, false, null, null));
		f.put("officer", q(null, null, "amr.officer2", null, null, null, false, false, null, null));
		f.put("outcome", q(null, null, null, DecisionKind.REJECT, null, null, false, false, null, null));
		f.put("reason", q(null, null, null, null, "OVERRIDE_MISMATCH", null, false, false, null, null));
		f.put("秒批", q(null, null, null, null, null, true, false, false, null, null));
		f.put("officers'", q(null, null, null, null, null, false, false, false, null, null));
		f.put("overrides", q(null, null, null, null, null, null, true, false, null, null));
		f.put("carded", q(null, null, null, null, null, null, false, true, null, null));
		f.put("period", q(null, null, null, null, null, null, false, false, today.minusDays(200), today.minusDays(100)));
		f.put("department and outcome", q("SZMCA", null, null, DecisionKind.APPROVE, null, null, false, false, null, null));
		return f;
	}

	private void fill() {
		SupervisionBench.fill(store, 3_000, 60, n -> {
		});
		List<Card> cards = new ArrayList<>();
		for (int n = 3; n < 3_000; n += 97) {
			String no = String.format("BENCH-%09d", n);
			cards.add(new Card(CardLevel.YELLOW, "CASE_OVERDUE", no, SupervisionBench.DEPARTMENTS.get(n % 6), null, null,
					"case", ChinaTime.today(), "late", null));
		}
		store.recordCards(CITY, cards);
	}

	@Test
	void eachFilterFindsWhatTheJoinFoundInTheSameOrderPageByPage() throws SQLException {
		fill();
		for (var f : filters().entrySet()) {
			List<String> paged = new ArrayList<>();
			DecisionQuery q = f.getValue();
			for (List<DecisionRecord> page = store.searchDecisions(CITY, q); !page.isEmpty();
					page = store.searchDecisions(CITY, q.after(page.get(page.size() - 1)))) {
				assertTrue(page.size() <= PAGE);
				page.forEach(d -> paged.add(key(d)));
			}
			List<String> joined = joined(q, q.department());
			assertFalse(joined.isEmpty(), f.getKey() + ": the filter finds something");
			assertEquals(joined, paged, f.getKey());
		}
		// a department supervisor's scope is the department filter of the same search
		DecisionQuery rejected = q(null, null, null, DecisionKind.REJECT, null, null, false, false, null, null);
		List<String> own = new ArrayList<>();
		for (List<DecisionRecord> page = store.searchDecisions(AMR_SUPERVISOR, rejected); !page.isEmpty();
				page = store.searchDecisions(AMR_SUPERVISOR, rejected.after(page.get(page.size() - 1)))) {
			page.forEach(d -> own.add(key(d)));
		}
		assertEquals(joined(rejected, "SZAMR"), own);
	}

	@Test
	void aPageReadsItsOwnRowsFromOneIndexAndSortsNothing() throws SQLException {
		fill();
		for (var f : filters().entrySet()) {
			if (f.getKey().equals("reason") || f.getKey().equals("department and outcome") || f.getKey().equals("period")) {
				continue; // a reason code is matched inside the text; two filters: the second is checked on the rows read
			}
			DecisionQuery q = f.getValue();
			String plan = plan(q);
			assertFalse(plan.contains("Sort ResultSet"), f.getKey() + ": no sort\n" + plan);
			Matcher seen = Pattern.compile("Rows seen = (\\d+)").matcher(plan);
			while (seen.find()) {
				assertTrue(Integer.parseInt(seen.group(1)) <= PAGE + 1, f.getKey() + ": reads its page only\n" + plan);
			}
			List<DecisionRecord> first = store.searchDecisions(CITY, q);
			DecisionRecord last = first.get(first.size() - 1);
			String next = plan(q.after(last));
			Matcher deep = Pattern.compile("Rows seen = (\\d+)").matcher(next);
			while (deep.find()) {
				assertTrue(Integer.parseInt(deep.group(1)) <= PAGE + 1, f.getKey() + ": the next page starts at its key\n" + next);
			}
		}
	}

	@Test
	void theColumnsFollowDecisionsComparisonsAndCardsAsTheStoreWritesThem() {
		store.putDossiers(List.of(Fixtures.dossier("S1", "PSB", DossierStatus.IN_REVIEW),
				Fixtures.dossier("S2", "PSB", DossierStatus.IN_REVIEW)), "test");
		store.putComparisons("S1", List.of(new ComparisonResult("R1", "school", "深圳大学", "中山大学",
				ComparisonOutcome.MISMATCH, SharedSource.EDUCATION, AS_OF, null)));
		// an officer's approval over S1's mismatch, through the lifecycle (JPA)
		store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.approve("S1", Fixtures.OFFICER)),
				TestSigner.of(Fixtures.OFFICER));
		store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.approve("S2", Fixtures.OFFICER)),
				TestSigner.of(Fixtures.OFFICER));
		DecisionQuery overrides = q(null, null, null, null, null, null, true, false, null, null);
		assertEquals(List.of("S1"), numbers(overrides));
		assertEquals(List.of("S2", "S1"), numbers(q("PSB", "GRAD-HUKOU", null, null, null, null, false, false, null, null)));
		// S1 re-checked: all match now, no override any more; S2 mismatching now is one
		store.putComparisons(Map.of("S1", List.of(new ComparisonResult("R1", "school", "深圳大学", "深圳大学",
				ComparisonOutcome.MATCH, SharedSource.EDUCATION, AS_OF, null)), "S2", List.of(new ComparisonResult("R1", "school", "深圳大学",
						null, ComparisonOutcome.MISSING, null, null, null))));
		assertEquals(List.of("S2"), numbers(overrides));
		DecisionQuery carded = q(null, null, null, null, null, null, false, true, null, null);
		assertEquals(List.of(), numbers(carded));
		store.recordCards(CITY, List.of(new Card(CardLevel.RED, "CASE_FAR_OVERDUE", "S2", "PSB", "GRAD-HUKOU",
				Fixtures.OFFICER.id(), "case", ChinaTime.today(), "late", null)));
		assertEquals(List.of("S2"), numbers(carded));
		// a decision on a dossier carded before it was decided is carded from the start
		store.putDossiers(List.of(Fixtures.dossier("S3", "PSB", DossierStatus.IN_REVIEW)), "test");
		store.recordCards(CITY, List.of(new Card(CardLevel.YELLOW, "CASE_OVERDUE", "S3", "PSB", "GRAD-HUKOU",
				Fixtures.OFFICER.id(), "case", ChinaTime.today(), "late", null)));
		store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.approve("S3", Fixtures.OFFICER)),
				TestSigner.of(Fixtures.OFFICER));
		assertEquals(List.of("S3", "S2"), numbers(carded));
	}

	private List<String> numbers(DecisionQuery q) {
		return store.searchDecisions(CITY, q).stream().map(DecisionRecord::dossierNo).toList();
	}

	private static String key(DecisionRecord d) {
		return d.dossierNo() + "|" + d.time().toEpochMilli() + "|" + d.departmentCode() + "|" + d.matterCode() + "|"
				+ d.officerId() + "|" + d.kind();
	}

	private List<String> joined(DecisionQuery q, String department) throws SQLException {
		StringBuilder sql = new StringBuilder(JOINED);
		List<Object> args = new ArrayList<>();
		if (department != null) {
			sql.append(" AND s.DEPARTMENT_CODE = ?");
			args.add(department);
		}
		if (q.from() != null) {
			sql.append(" AND d.DECIDED_MS >= ?");
			args.add(SupervisionReads.startOf(q.from()));
		}
		if (q.to() != null) {
			sql.append(" AND d.DECIDED_MS < ?");
			args.add(SupervisionReads.startOf(q.to().plusDays(1)));
		}
		if (q.matter() != null) {
			sql.append(" AND s.MATTER_CODE = ?");
			args.add(q.matter());
		}
		if (q.officer() != null) {
			sql.append(" AND d.OFFICER_ID = ?");
			args.add(q.officer());
		}
		if (q.kind() != null) {
			sql.append(" AND d.KIND = ?");
			args.add(q.kind().name());
		}
		if (q.reasonCode() != null) {
			sql.append(" AND (',' || d.REASON_CODES || ',') LIKE ?");
			args.add("%," + q.reasonCode() + ",%");
		}
		if (q.automatic() != null) {
			sql.append(q.automatic() ? " AND d.AUTOMATIC = 1" : " AND d.AUTOMATIC = 0");
		}
		if (q.overrideOnly()) {
			sql.append(" AND d.AUTOMATIC = 0 AND d.KIND = 'APPROVE' AND EXISTS (SELECT 1 FROM COMPARISON c"
					+ " WHERE c.DOSSIER_NO = d.DOSSIER_NO AND c.OUTCOME <> 'MATCH')");
		}
		if (q.carded()) {
			sql.append(" AND EXISTS (SELECT 1 FROM SUPERVISION_CARD k WHERE k.DOSSIER_NO = d.DOSSIER_NO)");
		}
		sql.append(" ORDER BY d.DECIDED_MS DESC, d.DOSSIER_NO DESC");
		List<String> out = new ArrayList<>();
		try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
			SupervisionReads.bind(ps, args);
			try (ResultSet r = ps.executeQuery()) {
				while (r.next()) {
					out.add(r.getString(1) + "|" + r.getLong(2) + "|" + r.getString(3) + "|" + r.getString(4) + "|"
							+ r.getString(5) + "|" + r.getString(6));
				}
			}
		}
		return out;
	}

	/** Derby's account of the page's query: the indexes used, rows seen, any sort. */
	private String plan(DecisionQuery q) throws SQLException {
		List<Object> args = new ArrayList<>();
		String sql = SupervisionReads.searchSql(q, SupervisionAccess.scope(CITY).narrowedTo(q.department(), CITY.id()), args);
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
			try (ResultSet r = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
				r.next();
				return r.getString(1);
			} finally {
				s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)");
			}
		}
	}
}
