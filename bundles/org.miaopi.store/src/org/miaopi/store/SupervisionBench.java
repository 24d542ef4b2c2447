package org.miaopi.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.supervision.DecisionQuery;
import org.miaopi.core.supervision.SupervisionAccess.Scope;

/**
 * For {@code ./miaopi bench supervision}: a scratch store of decided and open dossiers written straight
 * by JDBC (six departments, three officers each, 秒批 and officers' decisions over the past year,
 * mismatches overridden now and then, open dossiers of the last month with their steps), and the bare
 * query of a decision search page, to set the service's time beside. The scratch ledger's events carry
 * the steps supervision reads but no valid hash chain: it is never verified.
 */
public final class SupervisionBench {

	public static final List<String> DEPARTMENTS = List.of("SZPSB", "SZMCA", "SZAMR", "SZMPA", "SZEDU", "SZTRB");
	private static final String[] MATTERS = { "GRAD-HUKOU", "ELDER-ALLOWANCE", "NO-CRIMINAL-RECORD", "RIDE-HAILING" };
	private static final int BATCH = 5_000;

	private SupervisionBench() {
	}

	/** Empties {@code open} (a scratch store) and writes {@code decided} decided and {@code openCases} open dossiers. */
	public static void fill(OpenStore open, long decided, long openCases, LongConsumer progress) {
		DeskStore store = (DeskStore) open;
		store.clear();
		Instant now = Instant.now();
		Instant yearAgo = now.minus(Duration.ofDays(365));
		long step = Math.max(1, Duration.ofDays(360).toMillis() / Math.max(1, decided));
		try (Connection c = store.connect()) {
			c.setAutoCommit(false);
			try (PreparedStatement d = c.prepareStatement("INSERT INTO DOSSIER (NUMBER, MATTER_CODE, APPLICANT_KIND, SUBJECT_ID,"
					+ " APPLICANT_NAME, RECEIVED_MS, DEADLINE, STATUS, OFFICER_ID, DEPARTMENT_CODE, VERSION, ATTENTION,"
					+ " PRE_CHECKED_MS, ASSIGNED_MS, REVIEW_STARTED_MS)"
					+ " VALUES (?, ?, 'N', '440301199001010000', 'BENCH', ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)");
					PreparedStatement k = c.prepareStatement("INSERT INTO DECISION (ID, DOSSIER_NO, KIND, REASON_CODES, LEGAL_BASIS,"
							+ " OFFICER_ID, DECIDED_MS, AUTOMATIC, JUSTIFICATION, POLICY_ID, POLICY_VERSION, INPUTS_DIGEST,"
							+ " DEPARTMENT_CODE, MATTER_CODE, OVERRIDE_FLAG, CARDED) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
					PreparedStatement m = c.prepareStatement("INSERT INTO COMPARISON (DOSSIER_NO, RULE_ID, FIELD, OUTCOME)"
							+ " VALUES (?, 'R1', 'degree', 'MISMATCH')");
					PreparedStatement e = c.prepareStatement("INSERT INTO AUDIT_EVENT (SEQ, EVENT_MS, ACTOR, DOSSIER_NO, TYPE,"
							+ " DETAILS, PREV_HASH, HASH) VALUES (?, ?, ?, ?, ?, '', ?, ?)")) {
				String zero = "0".repeat(64);
				long seq = 0;
				for (long n = 0; n < decided + openCases; n++) {
					boolean isOpen = n >= decided;
					String no = String.format("BENCH-%09d", n);
					String dept = DEPARTMENTS.get((int) (n % DEPARTMENTS.size()));
					String officer = dept.substring(2).toLowerCase() + ".officer" + (1 + n / 7 % 3);
					Instant received = isOpen ? now.minus(Duration.ofDays(1 + (n - decided) % 30)) : yearAgo.plusMillis(n * step);
					String status = isOpen ? switch ((int) (n % 3)) {
					case 0 -> "PRE_CHECKED";
					case 1 -> "ASSIGNED";
					default -> "IN_REVIEW";
					} : n % 10 < 7 ? "CERTIFICATE_ISSUED" : "REJECTED";
					d.setString(1, no);
					d.setString(2, MATTERS[(int) (n / 6 % MATTERS.length)]);
					d.setLong(3, received.toEpochMilli());
					d.setDate(4, Date.valueOf(ChinaTime.dateOf(received).plusDays(14)));
					d.setString(5, status);
					d.setString(6, isOpen && status.equals("PRE_CHECKED") ? null : officer);
					d.setString(7, dept);
					d.setInt(8, !isOpen && n % 50 == 5 ? 1 : -1); // the mismatch count the writers keep (AttentionColumn)
					// the step times the ledger's writer keeps on the row (SupervisionSteps), as the events below say
					stepTime(d, 9, isOpen ? received.plusSeconds(60) : null);
					stepTime(d, 10, isOpen && !status.equals("PRE_CHECKED") ? received.plusSeconds(3_600) : null);
					stepTime(d, 11, isOpen && status.equals("IN_REVIEW") ? received.plusSeconds(7_200) : null);
					d.addBatch();
					if (isOpen) {
						seq = event(e, seq, received.plusSeconds(60), no, "dossier.pre-checked", zero);
						if (!status.equals("PRE_CHECKED")) {
							seq = event(e, seq, received.plusSeconds(3_600), no, "dossier.assigned", zero);
						}
						if (status.equals("IN_REVIEW")) {
							seq = event(e, seq, received.plusSeconds(7_200), no, "dossier.review-started", zero);
						}
					} else {
						boolean automatic = n % 10 < 4;
						boolean reject = status.equals("REJECTED");
						k.setLong(1, n + 1);
						k.setString(2, no);
						k.setString(3, reject ? "REJECT" : "APPROVE");
						k.setString(4, reject ? "NOT_ELIGIBLE" : n % 50 == 5 ? "OVERRIDE_MISMATCH" : "");
						k.setString(5, reject ? "户口登记条例 第十条" : null);
						k.setString(6, automatic ? "SYSTEM" : officer);
						k.setLong(7, received.plus(Duration.ofHours(2 + n % 200)).toEpochMilli());
						k.setInt(8, automatic ? 1 : 0);
						k.setString(9, n % 50 == 5 ? "原件已核实" : null);
						k.setString(10, automatic ? "bench-policy" : null);
						k.setString(11, automatic ? "1" : null);
						k.setString(12, automatic ? zero : null);
						// the search columns the store's writers keep (DecisionSearchColumns), written here directly
						k.setString(13, dept);
						k.setString(14, MATTERS[(int) (n / 6 % MATTERS.length)]);
						k.setShort(15, (short) (!automatic && !reject && n % 50 == 5 ? 1 : 0));
						k.addBatch();
						if (n % 50 == 5) {
							m.setString(1, no);
							m.addBatch();
						}
					}
					if ((n + 1) % BATCH == 0) {
						d.executeBatch();
						k.executeBatch();
						m.executeBatch();
						e.executeBatch();
						c.commit();
						progress.accept(n + 1);
					}
				}
				d.executeBatch();
				k.executeBatch();
				m.executeBatch();
				e.executeBatch();
				c.commit();
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "filling the supervision bench store");
		} finally {
			store.forgetLedgerHead();
		}
	}

	/**
	 * Sets DOSSIER.ATTENTION from COMPARISON on a scratch store written before {@link #fill} kept it (its
	 * dossiers all say -1, never compared): the store's writers keep it, the bench's fill wrote past them.
	 */
	public static int repairAttention(OpenStore open) {
		DeskStore store = (DeskStore) open;
		try (Connection c = store.connect()) {
			c.setAutoCommit(false);
			java.util.Map<String, Integer> counts = new java.util.HashMap<>();
			try (PreparedStatement s = c.prepareStatement("SELECT DOSSIER_NO, OUTCOME FROM COMPARISON");
					ResultSet r = s.executeQuery()) {
				while (r.next()) {
					counts.merge(r.getString(1), r.getString(2).equals("MATCH") ? 0 : 1, Integer::sum);
				}
			}
			int changed = 0;
			try (PreparedStatement u = c.prepareStatement("UPDATE DOSSIER SET ATTENTION = ? WHERE NUMBER = ? AND ATTENTION <> ?")) {
				for (var e : counts.entrySet()) {
					u.setInt(1, e.getValue());
					u.setString(2, e.getKey());
					u.setInt(3, e.getValue());
					changed += u.executeUpdate();
				}
			}
			c.commit();
			return changed;
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "repairing the bench store's mismatch counts");
		}
	}

	private static void stepTime(PreparedStatement d, int column, Instant at) throws SQLException {
		if (at == null) {
			d.setNull(column, java.sql.Types.BIGINT);
		} else {
			d.setLong(column, at.toEpochMilli());
		}
	}

	private static long event(PreparedStatement e, long seq, Instant at, String no, String type, String zero)
			throws SQLException {
		e.setLong(1, ++seq);
		e.setLong(2, at.toEpochMilli());
		e.setString(3, "SYSTEM");
		e.setString(4, no);
		e.setString(5, type);
		e.setString(6, zero);
		e.setString(7, zero);
		e.addBatch();
		return seq;
	}

	/**
	 * Appends an event (no step: type {@code bench.touched}) to each of {@code n} dossiers from number
	 * {@code first} on, as busy desks would between two readings of the dashboard: what a kept reading
	 * must read again. Not a hash chain, as the rest of the scratch ledger.
	 */
	public static void touch(OpenStore open, long first, int n) {
		DeskStore store = (DeskStore) open;
		try (Connection c = store.connect()) {
			c.setAutoCommit(false);
			long seq;
			try (PreparedStatement m = c.prepareStatement("SELECT MAX(SEQ) FROM AUDIT_EVENT"); ResultSet r = m.executeQuery()) {
				r.next();
				seq = r.getLong(1);
			}
			try (PreparedStatement e = c.prepareStatement("INSERT INTO AUDIT_EVENT (SEQ, EVENT_MS, ACTOR, DOSSIER_NO, TYPE,"
					+ " DETAILS, PREV_HASH, HASH) VALUES (?, ?, ?, ?, ?, '', ?, ?)")) {
				String zero = "0".repeat(64);
				for (long x = first; x < first + n; x++) {
					seq = event(e, seq, Instant.now(), String.format("BENCH-%09d", x), "bench.touched", zero);
				}
				e.executeBatch();
			}
			c.commit();
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "touching the bench store's dossiers");
		} finally {
			store.forgetLedgerHead();
		}
	}

	/** The decision rows a search page shows, read by plain JDBC with the same SQL as the store's search. */
	public static int barePage(OpenStore open, DecisionQuery q, String department) {
		DeskStore store = (DeskStore) open;
		List<Object> args = new ArrayList<>();
		String sql = SupervisionReads.searchSql(q, new Scope(department), args);
		int rows = 0;
		try (Connection c = store.connect(); PreparedStatement s = c.prepareStatement(sql)) {
			SupervisionReads.bind(s, args);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					r.getString(1);
					r.getLong(6);
					rows++;
				}
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading a bare search page");
		}
		return rows;
	}

	/** The city supervisor {@code ./miaopi bench dashboard} signs the workbench in as. */
	public static final String SUPERVISOR = "bench.city";

	/**
	 * For {@code ./miaopi bench dashboard}: gives a scratch store of {@link #fill} the city supervisor
	 * {@link #SUPERVISOR} (of the supervision office, SZJCJ) and turns demo mode on, so the workbench signs in
	 * without a password. Never on a desk's store: only the bench's scratch stores are opened for it.
	 */
	public static void benchSupervisor(OpenStore open) {
		DeskStore store = (DeskStore) open;
		try (Connection c = store.connect()) {
			if (!exists(c, "SELECT 1 FROM DEPARTMENT WHERE CODE = 'SZJCJ'")) {
				try (PreparedStatement p = c.prepareStatement("INSERT INTO DEPARTMENT (CODE, NAME_ZH, NAME_EN) VALUES ('SZJCJ', ?, ?)")) {
					p.setString(1, "\u5e02\u76d1\u5bdf\u529e");
					p.setString(2, "Supervision Office (bench)");
					p.executeUpdate();
				}
			}
			if (!exists(c, "SELECT 1 FROM OFFICER WHERE ID = '" + SUPERVISOR + "'")) {
				try (PreparedStatement p = c.prepareStatement("INSERT INTO OFFICER (ID, NAME, DEPARTMENT_CODE, ROLES) VALUES (?, ?, 'SZJCJ', ?)")) {
					p.setString(1, SUPERVISOR);
					p.setString(2, "Bench City Supervisor");
					p.setString(3, Accounts.roles(java.util.EnumSet.of(org.miaopi.core.model.Role.SUPERVISOR,
							org.miaopi.core.model.Role.CITY_SUPERVISOR)));
					p.executeUpdate();
				}
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "adding the bench's city supervisor");
		}
		store.setDemoMode(true);
	}

	private static boolean exists(Connection c, String sql) throws SQLException {
		try (PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
			return r.next();
		}
	}
}
