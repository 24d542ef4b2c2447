package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Officer;
import org.miaopi.core.supervision.CaseQuery;
import org.miaopi.core.supervision.CaseRecord;
import org.miaopi.core.supervision.DecisionRecord;
import org.miaopi.core.supervision.Mark;
import org.miaopi.core.supervision.SupervisionAccess;
import org.miaopi.core.supervision.SupervisionAccess.Scope;
import org.miaopi.store.jpa.MapCodec;

/**
 * The reading half of supervision on the desk's store, in plain JDBC: a fixed number of queries per
 * 500 dossiers (rows with their mismatch count and step times, decisions, and the steps of those whose rows
 * do not hold them all), so that all open dossiers of a city are read in one go, not one query per dossier.
 */
final class SupervisionReads {

	/** Steps supervision measures stages by; other events are not read. */
	static final Set<String> STEP_TYPES = Set.of("dossier.pre-checked", "dossier.assigned", "dossier.claimed",
			"dossier.review-started", "dossier.supplement-requested", "dossier.missing-material-requested",
			"dossier.supplement-received", "dossier.approved", "dossier.rejected", "dossier.auto-approved",
			"dossier.auto-rejected", "certificate.issued");
	private static final int CHUNK = 500;
	/** A ledger sequence's bits in a supervision position (a trillion events). */
	private static final int SEQ_BITS = 40;
	/** More events than this since a position, and the caller is told to read everything again. */
	private static final int MOST_EVENTS = 100_000;

	private final DeskStore store;

	SupervisionReads(DeskStore store) {
		this.store = store;
	}

	List<CaseRecord> cases(Officer viewer, CaseQuery q) {
		return cases(viewer, q, false);
	}

	/**
	 * @param fromLedger read every dossier's steps from AUDIT_EVENT, not from its row's step columns
	 *                   (SupervisionSteps): the path before schema 20, which tests hold the fast one to
	 */
	List<CaseRecord> cases(Officer viewer, CaseQuery q, boolean fromLedger) {
		Scope scope = SupervisionAccess.scope(viewer).narrowedTo(q.department(), viewer.id());
		List<Object> args = new ArrayList<>();
		String sql = caseSql(q, scope, args);
		try (Connection c = store.connect()) {
			List<Object[]> rows = new ArrayList<>();
			rows(c, sql, args, fromLedger, rows);
			return cases(c, rows, q.openOnly());
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading dossiers for supervision");
		}
	}

	/** These dossiers, those in the viewer's scope (and {@code department}, if named), read as {@link #cases} does. */
	List<CaseRecord> cases(Officer viewer, String department, java.util.Collection<String> numbers) {
		Scope scope = SupervisionAccess.scope(viewer).narrowedTo(department, viewer.id());
		List<String> all = new ArrayList<>(new java.util.TreeSet<>(numbers));
		try (Connection c = store.connect()) {
			List<Object[]> rows = new ArrayList<>();
			for (int i = 0; i < all.size(); i += CHUNK) {
				List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
				List<Object> args = new ArrayList<>(chunk);
				String sql = "SELECT " + CASE_COLUMNS + " FROM DOSSIER WHERE NUMBER IN (" + marks(chunk.size()) + ")";
				if (!scope.all()) {
					sql += " AND DEPARTMENT_CODE = ?";
					args.add(scope.department());
				}
				rows(c, sql, args, false, rows);
			}
			return cases(c, rows, false);
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading dossiers for supervision");
		}
	}

	/**
	 * The ledger's last sequence and the dossiers with an event after {@code since} (a range of the primary
	 * key): every change of what supervision reads of a dossier is a step in the ledger, but for the loading
	 * path's comparison results, counted by {@code unledgered}: the position carries that count above
	 * {@link #SEQ_BITS}, and a position of another count answers "anything may have changed" (null).
	 */
	org.miaopi.core.supervision.SupervisionRecords.Changes changesSince(long since, long unledgered) {
		try (Connection c = store.connect(); Statement s = c.createStatement();
				ResultSet r = s.executeQuery("SELECT MAX(SEQ) FROM AUDIT_EVENT")) {
			r.next();
			long now = r.getLong(1);
			long position = unledgered << SEQ_BITS | now;
			if (since >= 0 && since >>> SEQ_BITS != unledgered) {
				return new org.miaopi.core.supervision.SupervisionRecords.Changes(position, null);
			}
			long after = since < 0 ? -1 : since & (1L << SEQ_BITS) - 1;
			if (after >= 0 && now - after > MOST_EVENTS) { // reading them all again is cheaper
				return new org.miaopi.core.supervision.SupervisionRecords.Changes(position, null);
			}
			java.util.Set<String> changed = new java.util.HashSet<>();
			if (after >= 0 && now > after) {
				try (PreparedStatement ps = c.prepareStatement("SELECT DOSSIER_NO FROM AUDIT_EVENT WHERE SEQ > ? AND SEQ <= ?"
						+ " AND DOSSIER_NO IS NOT NULL")) {
					ps.setLong(1, after);
					ps.setLong(2, now);
					try (ResultSet e = ps.executeQuery()) {
						while (e.next()) {
							changed.add(e.getString(1));
						}
					}
				}
			}
			return new org.miaopi.core.supervision.SupervisionRecords.Changes(position, changed);
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading the ledger's position");
		}
	}

	private static void rows(Connection c, String sql, List<Object> args, boolean fromLedger, List<Object[]> rows)
			throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			bind(ps, args);
			try (ResultSet r = ps.executeQuery()) {
				while (r.next()) {
					rows.add(new Object[] { r.getString(1), r.getString(2), r.getString(3), r.getString(4),
							DossierStatus.valueOf(r.getString(5)), Instant.ofEpochMilli(r.getLong(6)),
							r.getDate(7).toLocalDate(), Math.max(0, r.getInt(8)),
							fromLedger ? null : SupervisionSteps.marks(r, 9) });
				}
			}
		}
	}

	/**
	 * The rows with their decisions and the steps their rows do not hold, by number.
	 *
	 * @param open the open dossiers: their decisions are asked only of those whose rows say they may have one
	 *             ({@link SupervisionSteps#mayHaveDecision}); of a period's rows, decided nearly all, every one
	 */
	private List<CaseRecord> cases(Connection c, List<Object[]> rows, boolean open) throws SQLException {
		rows.sort(java.util.Comparator.comparing(r -> (String) r[0]));
		List<CaseRecord> out = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i += CHUNK) {
			List<Object[]> chunk = rows.subList(i, Math.min(rows.size(), i + CHUNK));
			List<String> numbers = chunk.stream().map(r -> (String) r[0]).toList();
			Map<String, Integer> mismatches = new HashMap<>();
			chunk.forEach(r -> mismatches.put((String) r[0], (Integer) r[7]));
			@SuppressWarnings("unchecked")
			List<String> deciding = !open ? numbers : chunk.stream()
					.filter(r -> SupervisionSteps.mayHaveDecision((List<Mark>) r[8])).map(r -> (String) r[0]).toList();
			Map<String, List<DecisionRecord>> decisions = deciding.isEmpty() ? Map.of()
					: decisionsOf(c, deciding, chunk, mismatches);
			// only a dossier with steps its row does not hold (supplements, a repeated step) asks the ledger
			List<String> fromEvents = chunk.stream().filter(r -> r[8] == null).map(r -> (String) r[0]).toList();
			Map<String, List<Mark>> marks = fromEvents.isEmpty() ? Map.of() : marks(c, fromEvents);
			for (Object[] r : chunk) {
				String no = (String) r[0];
				@SuppressWarnings("unchecked")
				List<Mark> steps = r[8] != null ? (List<Mark>) r[8] : marks.getOrDefault(no, List.of());
				out.add(new CaseRecord(no, (String) r[1], (String) r[2], (String) r[3], (DossierStatus) r[4],
						(Instant) r[5], (LocalDate) r[6], steps, decisions.getOrDefault(no, List.of()),
						mismatches.getOrDefault(no, 0)));
			}
		}
		return out;
	}

	/** What a case read selects of DOSSIER: its row, its mismatch count, its step times (SupervisionSteps). */
	private static final String CASE_COLUMNS = "NUMBER, MATTER_CODE, DEPARTMENT_CODE, OFFICER_ID, STATUS, RECEIVED_MS,"
			+ " DEADLINE, ATTENTION, " + SupervisionSteps.SELECT_LIST;

	/** The SQL of the dossiers a case query reads (open ones, or received in a period); its parameters go to {@code args}. */
	static String caseSql(CaseQuery q, Scope scope, List<Object> args) {
		// ATTENTION is the dossier's count of comparison results that are not a match, kept by the writers
		// of COMPARISON (AttentionColumn; -1 while never compared): counting them per chunk scanned COMPARISON
		// each time, 93 % of the time of signals and performance (JFR, bench supervision). Each read names
		// its index: left to itself Derby scanned every dossier for the open ones or a month's. The caller
		// sorts the rows by number, not a Derby sort.
		StringBuilder sql = new StringBuilder("SELECT " + CASE_COLUMNS + " FROM DOSSIER --DERBY-PROPERTIES index=")
				.append(q.openOnly() ? "DOSSIER_INTAKE" : "DOSSIER_RECEIVED").append("\n WHERE 1 = 1");
		if (!scope.all()) {
			sql.append(" AND DEPARTMENT_CODE = ?");
			args.add(scope.department());
		}
		if (q.openOnly()) {
			List<String> running = new ArrayList<>();
			for (DossierStatus s : DossierStatus.values()) {
				if (CaseQuery.running(s)) {
					running.add("'" + s.name() + "'");
				}
			}
			sql.append(" AND STATUS IN (").append(String.join(", ", running)).append(")");
		} else {
			sql.append(" AND RECEIVED_MS >= ? AND RECEIVED_MS < ?");
			args.add(startOf(q.from()));
			args.add(startOf(q.to().plusDays(1)));
		}
		return sql.toString();
	}

	List<DecisionRecord> decisions(Officer viewer, String department, LocalDate from, LocalDate to) {
		Scope scope = SupervisionAccess.scope(viewer).narrowedTo(department, viewer.id());
		String sql = "SELECT d.DOSSIER_NO, d.KIND, d.REASON_CODES, d.LEGAL_BASIS, d.OFFICER_ID, d.DECIDED_MS, d.AUTOMATIC,"
				+ " d.JUSTIFICATION, d.POLICY_ID, d.POLICY_VERSION, d.INPUTS_DIGEST, s.DEPARTMENT_CODE, s.MATTER_CODE,"
				+ " s.ATTENTION FROM DECISION d JOIN DOSSIER s ON s.NUMBER = d.DOSSIER_NO WHERE d.DECIDED_MS >= ? AND d.DECIDED_MS < ?"
				+ (scope.all() ? "" : " AND s.DEPARTMENT_CODE = ?") + " ORDER BY d.DOSSIER_NO, d.DECIDED_MS, d.ID";
		try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setLong(1, startOf(from));
			ps.setLong(2, startOf(to.plusDays(1)));
			if (!scope.all()) {
				ps.setString(3, scope.department());
			}
			List<DecisionRecord> out = new ArrayList<>();
			try (ResultSet r = ps.executeQuery()) {
				while (r.next()) { // the dossier's mismatch count is its ATTENTION (AttentionColumn)
					out.add(decision(decisionColumns(r, r.getString(12), r.getString(13)), Math.max(0, r.getInt(14))));
				}
			}
			return out;
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading a period's decisions");
		}
	}

	/**
	 * One keyset page of the decision search: one query on DECISION alone (schema 17 copies the
	 * dossier's department and matter, the override and card flags onto the row), one for the page's
	 * mismatch counts. Derby left to itself reads every decision and sorts them even on one table, so the
	 * query names the index of its most selective filter; each index is in the page's order.
	 */
	List<DecisionRecord> search(Officer viewer, org.miaopi.core.supervision.DecisionQuery q) {
		Scope scope = SupervisionAccess.scope(viewer).narrowedTo(q.department(), viewer.id());
		List<Object> args = new ArrayList<>();
		String sql = searchSql(q, scope, args);
		try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
			bind(ps, args);
			List<Object[]> raw = new ArrayList<>();
			try (ResultSet r = ps.executeQuery()) {
				while (r.next()) {
					raw.add(decisionColumns(r, r.getString(12), r.getString(13)));
				}
			}
			Map<String, Integer> mismatches = mismatches(c, raw.stream().map(x -> (String) x[0]).distinct().toList());
			List<DecisionRecord> out = new ArrayList<>(raw.size());
			for (Object[] x : raw) {
				out.add(decision(x, mismatches.getOrDefault((String) x[0], 0)));
			}
			return out;
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "searching decisions");
		}
	}

	/** The search page's SQL; its parameters are added to {@code args}. */
	static String searchSql(org.miaopi.core.supervision.DecisionQuery q, Scope scope, List<Object> args) {
		StringBuilder sql = new StringBuilder("SELECT d.DOSSIER_NO, d.KIND, d.REASON_CODES, d.LEGAL_BASIS, d.OFFICER_ID,"
				+ " d.DECIDED_MS, d.AUTOMATIC, d.JUSTIFICATION, d.POLICY_ID, d.POLICY_VERSION, d.INPUTS_DIGEST,"
				+ " d.DEPARTMENT_CODE, d.MATTER_CODE FROM DECISION d --DERBY-PROPERTIES index=")
				.append(searchIndex(q, scope)).append("\n WHERE 1 = 1");
		if (!scope.all()) {
			sql.append(" AND d.DEPARTMENT_CODE = ?");
			args.add(scope.department());
		} else {
			sql.append(" AND d.DEPARTMENT_CODE IS NOT NULL"); // as the join did: no decision without its dossier
		}
		if (q.from() != null) {
			sql.append(" AND d.DECIDED_MS >= ?");
			args.add(startOf(q.from()));
		}
		if (q.to() != null) {
			sql.append(" AND d.DECIDED_MS < ?");
			args.add(startOf(q.to().plusDays(1)));
		}
		if (q.matter() != null) {
			sql.append(" AND d.MATTER_CODE = ?");
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
			sql.append(" AND (',' || d.REASON_CODES || ',') LIKE ? ESCAPE '\\'");
			args.add("%," + q.reasonCode().replace("%", "").replace("_", "\\_") + ",%");
		}
		if (q.automatic() != null) {
			sql.append(q.automatic() ? " AND d.AUTOMATIC = 1" : " AND d.AUTOMATIC = 0");
		}
		if (q.overrideOnly()) {
			sql.append(" AND d.OVERRIDE_FLAG = 1");
		}
		if (q.carded()) {
			sql.append(" AND d.CARDED = 1");
		}
		if (q.afterTime() != null) {
			// the bound on DECIDED_MS alone lets the index start at the page, not at the newest decision
			sql.append(" AND d.DECIDED_MS <= ? AND (d.DECIDED_MS < ? OR d.DOSSIER_NO < ?)");
			args.add(q.afterTime().toEpochMilli());
			args.add(q.afterTime().toEpochMilli());
			args.add(q.afterDossier());
		}
		sql.append(" ORDER BY d.DECIDED_MS DESC, d.DOSSIER_NO DESC FETCH FIRST ").append(q.limit()).append(" ROWS ONLY");
		return sql.toString();
	}

	/** The index of the filter that keeps fewest rows, as a rule of thumb: each is in the page's order. */
	static String searchIndex(org.miaopi.core.supervision.DecisionQuery q, Scope scope) {
		if (q.officer() != null) {
			return "DECISION_BY_OFFICER";
		} else if (q.overrideOnly()) {
			return "DECISION_BY_OVERRIDE";
		} else if (q.carded()) {
			return "DECISION_BY_CARDED";
		} else if (q.matter() != null) {
			return "DECISION_BY_MATTER";
		} else if (!scope.all()) {
			return "DECISION_BY_DEPARTMENT";
		} else if (q.kind() != null) {
			return "DECISION_BY_KIND";
		} else if (q.automatic() != null) {
			return "DECISION_BY_AUTOMATIC";
		}
		return "DECISION_TIME";
	}

	private Map<String, List<DecisionRecord>> decisionsOf(Connection c, List<String> numbers, List<Object[]> rows,
			Map<String, Integer> mismatches) throws SQLException {
		Map<String, Object[]> byNo = new HashMap<>();
		rows.forEach(r -> byNo.put((String) r[0], r));
		Map<String, List<DecisionRecord>> out = new HashMap<>();
		try (PreparedStatement ps = c.prepareStatement("SELECT DOSSIER_NO, KIND, REASON_CODES, LEGAL_BASIS, OFFICER_ID,"
				+ " DECIDED_MS, AUTOMATIC, JUSTIFICATION, POLICY_ID, POLICY_VERSION, INPUTS_DIGEST, ID FROM DECISION WHERE DOSSIER_NO IN ("
				+ marks(numbers.size()) + ")")) { // ordered below: a Derby sort per chunk cost more than the rows
			bind(ps, new ArrayList<>(numbers));
			Map<String, List<Object[]>> rowsOf = new HashMap<>();
			try (ResultSet r = ps.executeQuery()) {
				while (r.next()) {
					Object[] row = byNo.get(r.getString(1));
					Object[] x = decisionColumns(r, (String) row[2], (String) row[1]);
					Object[] withId = java.util.Arrays.copyOf(x, x.length + 1);
					withId[x.length] = r.getLong(12);
					rowsOf.computeIfAbsent((String) x[0], k -> new ArrayList<>()).add(withId);
				}
			}
			java.util.Comparator<Object[]> order = java.util.Comparator.<Object[], Instant>comparing(x -> (Instant) x[5])
					.thenComparing(x -> (Long) x[x.length - 1]);
			rowsOf.forEach((no, xs) -> {
				xs.sort(order);
				List<DecisionRecord> list = new ArrayList<>(xs.size());
				xs.forEach(x -> list.add(decision(x, mismatches.getOrDefault(no, 0))));
				out.put(no, list);
			});
		}
		return out;
	}

	private static Object[] decisionColumns(ResultSet r, String department, String matter) throws SQLException {
		String reasons = r.getString(3);
		return new Object[] { r.getString(1), DecisionKind.valueOf(r.getString(2)),
				reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")), r.getString(4),
				r.getString(5), Instant.ofEpochMilli(r.getLong(6)), r.getInt(7) != 0, r.getString(8), r.getString(9),
				r.getString(10), r.getString(11), department, matter };
	}

	@SuppressWarnings("unchecked")
	private static DecisionRecord decision(Object[] x, int mismatches) {
		return new DecisionRecord((String) x[0], (String) x[11], (String) x[12], (DecisionKind) x[1], (List<String>) x[2],
				(String) x[3], (String) x[4], (Instant) x[5], (Boolean) x[6], (String) x[7], (String) x[8], (String) x[9],
				x[10] == null ? null : ((String) x[10]).strip(), mismatches);
	}

	private Map<String, List<Mark>> marks(Connection c, List<String> numbers) throws SQLException {
		Map<String, List<Mark>> out = new HashMap<>();
		List<Object> args = new ArrayList<>(numbers);
		List<String> types = new ArrayList<>(STEP_TYPES);
		Collections.sort(types);
		args.addAll(types);
		try (PreparedStatement ps = c.prepareStatement("SELECT DOSSIER_NO, TYPE, EVENT_MS, DETAILS FROM AUDIT_EVENT"
				+ " WHERE DOSSIER_NO IN (" + marks(numbers.size()) + ") AND TYPE IN (" + marks(types.size())
				+ ") ORDER BY DOSSIER_NO, SEQ")) {
			bind(ps, args);
			try (ResultSet r = ps.executeQuery()) {
				while (r.next()) {
					String type = r.getString(2);
					Map<String, String> details = Map.of();
					if (type.equals("dossier.pre-checked")) { // only its 容缺 deadline is read
						String due = MapCodec.decode(r.getString(4)).get("supplementDue");
						details = due == null ? Map.of() : Map.of("supplementDue", due);
					}
					out.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
							.add(new Mark(type, Instant.ofEpochMilli(r.getLong(3)), details));
				}
			}
		}
		return out;
	}

	/**
	 * The mismatch counts of these dossiers, from DOSSIER.ATTENTION by primary key (the writers keep it,
	 * AttentionColumn): counting COMPARISON rows instead made Derby scan the whole table for each list.
	 */
	private static Map<String, Integer> mismatches(Connection c, List<String> numbers) throws SQLException {
		Map<String, Integer> out = new HashMap<>();
		if (numbers.isEmpty()) {
			return out;
		}
		try (PreparedStatement ps = c.prepareStatement("SELECT NUMBER, ATTENTION FROM DOSSIER WHERE NUMBER IN ("
				+ marks(numbers.size()) + ") AND ATTENTION > 0")) {
			bind(ps, new ArrayList<>(numbers));
			try (ResultSet r = ps.executeQuery()) {
				while (r.next()) {
					out.put(r.getString(1), r.getInt(2));
				}
			}
		}
		return out;
	}

	static long startOf(LocalDate day) {
		return day.atStartOfDay(ChinaTime.ZONE).toInstant().toEpochMilli();
	}

	private static String marks(int n) {
		return String.join(", ", Collections.nCopies(n, "?"));
	}

	static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
		for (int i = 0; i < args.size(); i++) {
			Object a = args.get(i);
			if (a instanceof Long l) {
				ps.setLong(i + 1, l);
			} else {
				ps.setString(i + 1, (String) a);
			}
		}
	}
}
