package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.supervision.Mark;

/**
 * The step times a dossier's stage clocks read, kept on its row (schema 20): the first time of each step
 * type in {@link #COLUMNS}, and {@code STEP_EXTRA}, how many of its events are not such a first (supplement
 * requests and arrivals, a repeated step, and from schema 21 an imported decision). The ledger's one writer calls {@link #record} in the
 * transaction that appended the events, beside their outbox rows, so the row never disagrees with the
 * ledger; supervision then reads a dossier's steps with its row, and only a dossier with extra steps
 * from the ledger ({@link SupervisionReads}).
 */
final class SupervisionSteps {

	/** Step type → its column, in the order a dossier passes them (the order of steps on one instant). */
	static final Map<String, String> COLUMNS = columns();
	/**
	 * Events that are counted in STEP_EXTRA, never kept as a first: a supplement's clock needs all of its steps,
	 * and an imported decision (schema 21) is a decision no step column tells of ({@link #mayHaveDecision}).
	 */
	static final Set<String> COUNTED = Set.of("dossier.supplement-requested", "dossier.missing-material-requested",
			"dossier.supplement-received", "decision.imported");
	/**
	 * The steps that write a decision row besides those counted: every decision is written with one of these
	 * (Steps: the transitions to APPROVED and REJECTED), with a counted supplement request, or imported.
	 */
	static final Set<String> DECIDING = Set.of("dossier.approved", "dossier.rejected", "dossier.auto-approved",
			"dossier.auto-rejected");
	/** The step types of the columns, in their order. */
	private static final String[] STEP_TYPES = COLUMNS.keySet().toArray(String[]::new);
	/** The columns as a SELECT list ({@code PRE_CHECKED_MS, …, STEP_EXTRA}). */
	static final String SELECT_LIST = String.join(", ", COLUMNS.values()) + ", STEP_EXTRA";

	private SupervisionSteps() {
	}

	private static Map<String, String> columns() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("dossier.pre-checked", "PRE_CHECKED_MS");
		m.put("dossier.assigned", "ASSIGNED_MS");
		m.put("dossier.claimed", "CLAIMED_MS");
		m.put("dossier.review-started", "REVIEW_STARTED_MS");
		m.put("dossier.approved", "APPROVED_MS");
		m.put("dossier.rejected", "REJECTED_MS");
		m.put("dossier.auto-approved", "AUTO_APPROVED_MS");
		m.put("dossier.auto-rejected", "AUTO_REJECTED_MS");
		m.put("certificate.issued", "ISSUED_MS");
		return java.util.Collections.unmodifiableMap(m);
	}

	/** Keeps the step columns of the events after {@code before} up to {@code after} (either may be null). */
	static void record(EntityManager em, AuditEvent before, AuditEvent after) {
		long from = before == null ? 0 : before.sequence();
		long to = after == null ? 0 : after.sequence();
		if (to <= from) {
			return;
		}
		try {
			record(em.unwrap(Connection.class), from, to);
		} catch (SQLException e) {
			throw new IllegalStateException("cannot keep the step times of audit events " + (from + 1) + " to " + to, e);
		}
	}

	/** The same on a connection in the appending transaction: events {@code (fromExclusive, toInclusive]}. */
	static void record(Connection c, long fromExclusive, long toInclusive) throws SQLException {
		Map<String, PreparedStatement> updates = new LinkedHashMap<>();
		try (PreparedStatement events = c.prepareStatement("SELECT DOSSIER_NO, TYPE, EVENT_MS FROM AUDIT_EVENT"
				+ " WHERE SEQ > ? AND SEQ <= ? AND DOSSIER_NO IS NOT NULL ORDER BY SEQ")) {
			events.setLong(1, fromExclusive);
			events.setLong(2, toInclusive);
			try (ResultSet r = events.executeQuery()) {
				while (r.next()) {
					String type = r.getString(2);
					String column = COLUMNS.get(type);
					if (column == null && !COUNTED.contains(type)) {
						continue;
					}
					PreparedStatement u = updates.get(type);
					if (u == null) {
						// a first keeps the earliest time; a second of its type, or a counted step, is extra
						u = c.prepareStatement(column == null ? "UPDATE DOSSIER SET STEP_EXTRA = STEP_EXTRA + 1 WHERE NUMBER = ?"
								: "UPDATE DOSSIER SET STEP_EXTRA = STEP_EXTRA + CASE WHEN " + column + " IS NULL THEN 0 ELSE 1 END, "
										+ column + " = CASE WHEN " + column + " IS NULL OR " + column + " > ? THEN ? ELSE " + column
										+ " END WHERE NUMBER = ?");
						updates.put(type, u);
					}
					if (column == null) {
						u.setString(1, r.getString(1));
					} else {
						u.setLong(1, r.getLong(3));
						u.setLong(2, r.getLong(3));
						u.setString(3, r.getString(1));
					}
					u.executeUpdate(); // one by one: a dossier's second step of a type must see its first
				}
			}
		} finally {
			for (PreparedStatement u : updates.values()) {
				u.close();
			}
		}
	}

	/**
	 * Whether a dossier whose row holds {@code steps} (null: it has counted events) can have a decision row: one
	 * whose row holds a deciding step or counts an event. A read of the open dossiers asks DECISION only for these
	 * (most open dossiers have none, and probing DECISION_DOSSIER for each was a third of the read).
	 */
	static boolean mayHaveDecision(List<Mark> steps) {
		if (steps == null) {
			return true;
		}
		for (Mark m : steps) {
			if (DECIDING.contains(m.type())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The steps of a row read with {@link #SELECT_LIST} from column {@code first} on, or null when the dossier
	 * has extra steps and its steps must be read from the ledger.
	 */
	static List<Mark> marks(ResultSet r, int first) throws SQLException {
		if (r.getInt(first + COLUMNS.size()) > 0) {
			return null;
		}
		List<Mark> out = new ArrayList<>(4);
		for (int k = 0; k < STEP_TYPES.length; k++) { // by index: no iterator for each of 100,000 rows
			long ms = r.getLong(first + k);
			if (!r.wasNull()) {
				out.add(new Mark(STEP_TYPES[k], Instant.ofEpochMilli(ms), Map.of()));
			}
		}
		return out;
	}
}
