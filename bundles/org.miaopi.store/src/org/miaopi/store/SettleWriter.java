package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.StoreException.Problem;
import org.miaopi.store.jpa.DossierRow;
import org.miaopi.store.jpa.MapCodec;
import org.miaopi.store.jpa.Rows;

/**
 * Writes a 秒批 settlement as plain JDBC batches on the transaction's own connection: comparison
 * results, one update per dossier (its final status, the version checked and raised as the JPA
 * mapping does), audit events and decisions. Through EclipseLink the same page cost a unit of work
 * of thousands of new objects compared and flushed at commit, and its IN-list delete scanned the
 * whole comparison table; a JFR profile of {@code bench engine --e2e} put ~80 % of the settle time
 * there. The rows written are exactly those the mapping would write (same tables and columns).
 */
final class SettleWriter implements AutoCloseable {

	private final Connection c;
	private final PreparedStatement deleteComparisons;
	private final PreparedStatement comparison;
	private final PreparedStatement event;
	private final PreparedStatement decision;
	private final PreparedStatement dossier;
	/** Final status and officer per dossier, in order of first step: one UPDATE each. */
	private final Map<DossierRow, String[]> moved = new LinkedHashMap<>();
	private final List<String> numbers = new ArrayList<>();
	/** The ids of the decisions written, for their search columns (a range: ids are event sequences). */
	private long firstDecision = Long.MAX_VALUE;
	private long lastDecision = Long.MIN_VALUE;

	SettleWriter(Connection c) throws SQLException {
		this.c = c;
		deleteComparisons = c.prepareStatement("DELETE FROM COMPARISON WHERE DOSSIER_NO = ?");
		comparison = c.prepareStatement("INSERT INTO COMPARISON (DOSSIER_NO, RULE_ID, FIELD, DECLARED, RECORDED, OUTCOME,"
				+ " SOURCE, AS_OF_MS, NOTE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
		event = c.prepareStatement("INSERT INTO AUDIT_EVENT (SEQ, EVENT_MS, ACTOR, DOSSIER_NO, TYPE, DETAILS, PREV_HASH, HASH)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
		decision = c.prepareStatement("INSERT INTO DECISION (ID, DOSSIER_NO, KIND, REASON_CODES, LEGAL_BASIS, OFFICER_ID,"
				+ " DECIDED_MS, AUTOMATIC, JUSTIFICATION, POLICY_ID, POLICY_VERSION, INPUTS_DIGEST) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
		dossier = c.prepareStatement("UPDATE DOSSIER SET STATUS = ?, OFFICER_ID = ?, VERSION = VERSION + 1"
				+ " WHERE NUMBER = ? AND VERSION = ?");
	}

	/** Replaces the dossier's comparison results (a primary-key range per dossier, never a scan). */
	void comparisons(String dossierNo, List<ComparisonResult> results) throws SQLException {
		deleteComparisons.setString(1, dossierNo);
		deleteComparisons.addBatch();
		for (ComparisonResult r : results) {
			comparison.setString(1, dossierNo);
			comparison.setString(2, r.ruleId());
			comparison.setString(3, r.field());
			comparison.setString(4, r.declared());
			comparison.setString(5, r.recorded());
			comparison.setString(6, r.outcome().name());
			comparison.setString(7, r.source() == null ? null : r.source().name());
			if (r.asOf() == null) {
				comparison.setNull(8, Types.BIGINT);
			} else {
				comparison.setLong(8, r.asOf().toEpochMilli());
			}
			comparison.setString(9, r.note());
			comparison.addBatch();
		}
	}

	/**
	 * One checked step: the audit event (and decision) now, the dossier's row at the end with its
	 * last status. The row object is detached: changing it writes nothing by itself.
	 */
	AuditEvent step(DossierRow row, Steps.Step step, Officer actor, AuditEvent prev, Instant now) throws SQLException {
		Rows.apply(row, step.next());
		if (!moved.containsKey(row)) {
			numbers.add(Rows.number(row));
		}
		moved.put(row, new String[] { Rows.status(row), Rows.officerId(row) });
		AuditEvent e = AuditChain.next(prev, now, actor.id(), step.next().number(), step.transition().eventType(),
				Steps.details(step, prev == null ? 1 : prev.sequence() + 1));
		event(e);
		Decision d = step.request().decision();
		if (d != null) {
			bindDecision(decision, e.sequence(), d);
			decision.addBatch();
			firstDecision = Math.min(firstDecision, e.sequence());
			lastDecision = Math.max(lastDecision, e.sequence());
		}
		return e;
	}

	/**
	 * Binds a decision row's first twelve columns, in the order ID, DOSSIER_NO, KIND, REASON_CODES,
	 * LEGAL_BASIS, OFFICER_ID, DECIDED_MS, AUTOMATIC, JUSTIFICATION, POLICY_ID, POLICY_VERSION,
	 * INPUTS_DIGEST (the ledger bench's insert adds the signature columns after them).
	 */
	static void bindDecision(PreparedStatement insert, long id, Decision d) throws SQLException {
		insert.setLong(1, id);
		insert.setString(2, d.dossierNo());
		insert.setString(3, d.kind().name());
		insert.setString(4, String.join(",", d.reasonCodes()));
		insert.setString(5, d.legalBasis());
		insert.setString(6, d.officerId());
		insert.setLong(7, d.time().toEpochMilli());
		insert.setShort(8, (short) (d.automatic() ? 1 : 0));
		insert.setString(9, d.justification());
		insert.setString(10, d.policyId());
		insert.setString(11, d.policyVersion());
		insert.setString(12, d.inputsDigest() == null ? null : d.inputsDigest().hex());
	}

	void event(AuditEvent e) throws SQLException {
		event.setLong(1, e.sequence());
		event.setLong(2, e.time().toEpochMilli());
		event.setString(3, e.actor());
		event.setString(4, e.dossierNo());
		event.setString(5, e.type());
		event.setString(6, MapCodec.encode(e.details()));
		event.setString(7, e.prevHash().hex());
		event.setString(8, e.hash().hex());
		event.addBatch();
	}

	/** Sends every batch; a dossier changed by someone else since it was read fails the whole transaction. */
	void execute() throws SQLException {
		deleteComparisons.executeBatch();
		comparison.executeBatch();
		for (var e : moved.entrySet()) {
			dossier.setString(1, e.getValue()[0]);
			dossier.setString(2, e.getValue()[1]);
			dossier.setString(3, Rows.number(e.getKey()));
			dossier.setInt(4, Rows.version(e.getKey()));
			dossier.addBatch();
		}
		int[] counts = dossier.executeBatch();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == 0) {
				throw new StoreException(Problem.CONFLICT, "dossier " + numbers.get(i)
						+ " was changed by someone else meanwhile; the batch was not applied, run it again");
			}
		}
		event.executeBatch();
		decision.executeBatch();
		if (firstDecision <= lastDecision) {
			DecisionSearchColumns.filled(c, firstDecision, lastDecision);
		}
	}

	@Override
	public void close() throws SQLException {
		for (PreparedStatement ps : new PreparedStatement[] { deleteComparisons, comparison, event, decision, dossier }) {
			ps.close();
		}
	}

	Connection connection() {
		return c;
	}
}
