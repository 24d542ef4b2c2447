package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.miaopi.core.model.ComparisonResult;

/**
 * Keeps the decision search's columns (schema 17) in step, in the writer's own transaction: the
 * dossier's department and matter, whether an officer's approval overrode a mismatch (the dossier
 * has a comparison result that is not a match, as the search's old EXISTS asked), and whether the
 * dossier has a card. The search then reads DECISION alone from one index per filter. Kept by the
 * writers, not by triggers: Derby's row triggers made bulk writes several times slower (schema 7).
 */
final class DecisionSearchColumns {

	/** Fills the columns of the decision rows {@code firstId..lastId} from their dossier, comparison and cards. */
	static final String FILL = "UPDATE DECISION SET"
			+ " DEPARTMENT_CODE = (SELECT s.DEPARTMENT_CODE FROM DOSSIER s WHERE s.NUMBER = DECISION.DOSSIER_NO),"
			+ " MATTER_CODE = (SELECT s.MATTER_CODE FROM DOSSIER s WHERE s.NUMBER = DECISION.DOSSIER_NO),"
			+ " OVERRIDE_FLAG = CASE WHEN AUTOMATIC = 0 AND KIND = 'APPROVE' AND EXISTS (SELECT 1 FROM COMPARISON c"
			+ " WHERE c.DOSSIER_NO = DECISION.DOSSIER_NO AND c.OUTCOME <> 'MATCH') THEN 1 ELSE 0 END,"
			+ " CARDED = CASE WHEN EXISTS (SELECT 1 FROM SUPERVISION_CARD k WHERE k.DOSSIER_NO = DECISION.DOSSIER_NO)"
			+ " THEN 1 ELSE 0 END WHERE ID >= ? AND ID <= ?";

	private DecisionSearchColumns() {
	}

	/** After decision rows with ids {@code firstId..lastId} were inserted on {@code c} (a primary-key range). */
	static void filled(Connection c, long firstId, long lastId) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(FILL)) {
			ps.setLong(1, firstId);
			ps.setLong(2, lastId);
			ps.executeUpdate();
		}
	}

	/** The same, for rows a JPA unit of work persisted: they are flushed first. */
	static void filled(EntityManager em, long firstId, long lastId) {
		em.flush();
		try {
			filled(em.unwrap(Connection.class), firstId, lastId);
		} catch (SQLException e) {
			throw new IllegalStateException("cannot fill the search columns of decisions " + firstId + ".." + lastId, e);
		}
	}

	/** The dossiers' comparison results were replaced: their officers' approvals follow, as one batch. */
	static void compared(Connection c, Map<String, List<ComparisonResult>> byDossier) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("UPDATE DECISION SET OVERRIDE_FLAG = ? WHERE DOSSIER_NO = ?"
				+ " AND AUTOMATIC = 0 AND KIND = 'APPROVE'")) {
			for (var e : byDossier.entrySet()) {
				ps.setShort(1, (short) (e.getValue().stream().anyMatch(ComparisonResult::needsAttention) ? 1 : 0));
				ps.setString(2, e.getKey());
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

	/** Cards were stored for these dossiers: their decisions are carded. */
	static void carded(Connection c, Collection<String> dossiers) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("UPDATE DECISION SET CARDED = 1 WHERE DOSSIER_NO = ? AND CARDED = 0")) {
			for (String no : dossiers) {
				ps.setString(1, no);
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}
}
