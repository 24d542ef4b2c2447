package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.miaopi.core.model.ComparisonResult;

/**
 * Keeps DOSSIER.ATTENTION (the queue's mismatch count, see the queue-sort migration) in step with
 * COMPARISON, in the writer's own transaction: the count of results that are not a match, -1 while
 * a dossier has none. It is a column so the queue can be sorted by it from an index; counting
 * comparisons per page could not order a whole department.
 */
final class AttentionColumn {

	private AttentionColumn() {
	}

	/** The count of each dossier whose comparison results were just replaced, as one JDBC batch. */
	static void replaced(EntityManager em, Map<String, List<ComparisonResult>> byDossier) {
		if (byDossier.isEmpty()) {
			return;
		}
		Connection c = em.unwrap(Connection.class);
		try (PreparedStatement ps = c.prepareStatement("UPDATE DOSSIER SET ATTENTION = ? WHERE NUMBER = ?")) {
			for (var e : byDossier.entrySet()) {
				ps.setInt(1, count(e.getValue()));
				ps.setString(2, e.getKey());
				ps.addBatch();
			}
			ps.executeBatch();
			DecisionSearchColumns.compared(c, byDossier);
		} catch (SQLException e) {
			throw new IllegalStateException("cannot store the mismatch counts of " + byDossier.size() + " dossiers", e);
		}
	}

	static int count(List<ComparisonResult> results) {
		if (results.isEmpty()) {
			return -1;
		}
		return (int) results.stream().filter(ComparisonResult::needsAttention).count();
	}
}
