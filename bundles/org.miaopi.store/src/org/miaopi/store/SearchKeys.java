package org.miaopi.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.EntityManager;

import org.miaopi.core.model.Dossier;
import org.miaopi.store.jpa.DossierRow;
import org.miaopi.store.jpa.Rows;

/**
 * Keeps DOSSIER_SEARCH (the queue's prefix-search keys, V5.sql) in step with DOSSIER, in the
 * writer's own transaction. Schema 5 did this with row triggers; Derby looks a trigger's statement
 * up in its dictionary for every row, which made bulk loads and 秒批 batches several times slower,
 * so schema 7 dropped them and the only two writers of those columns call this: loading inserts
 * dossiers, {@link Steps#write} changes their status (the deadline and the keyed fields never
 * change once stored).
 */
final class SearchKeys {

	private SearchKeys() {
	}

	/**
	 * The keys of a dossier: its number, its applicant's ID, the name from its first, second and
	 * third character (the given name also after a two-character surname such as 欧阳), lower-cased.
	 */
	static List<String> tokens(String number, String subjectId, String name) {
		List<String> out = new ArrayList<>(5);
		add(out, number);
		add(out, subjectId);
		add(out, name);
		if (name != null && name.length() > 1) {
			add(out, name.substring(1));
		}
		if (name != null && name.length() > 2) {
			add(out, name.substring(2));
		}
		return out;
	}

	private static void add(List<String> out, String token) {
		if (token != null && !token.isEmpty()) {
			out.add(token.toLowerCase(Locale.ROOT));
		}
	}

	/** The keys of newly stored dossiers, as one JDBC batch. */
	static void inserted(EntityManager em, Collection<Dossier> dossiers) {
		if (dossiers.isEmpty()) {
			return;
		}
		try (PreparedStatement ps = connection(em).prepareStatement("INSERT INTO DOSSIER_SEARCH"
				+ " (TOKEN, NUMBER, DEPARTMENT_CODE, STATUS, MATTER_CODE, DEADLINE) VALUES (?, ?, ?, ?, ?, ?)")) {
			for (Dossier d : dossiers) {
				for (String t : tokens(d.number(), d.applicant().subjectId(), d.applicant().name())) {
					ps.setString(1, t);
					ps.setString(2, d.number());
					ps.setString(3, d.departmentCode());
					ps.setString(4, d.status().name());
					ps.setString(5, d.matterCode());
					ps.setDate(6, Date.valueOf(d.deadline()));
					ps.addBatch();
				}
			}
			ps.executeBatch();
		} catch (SQLException e) {
			throw new IllegalStateException("cannot store the search keys of " + dossiers.size() + " dossiers", e);
		}
	}

	/** The new status of changed dossiers (their rows as they will be committed), as one JDBC batch. */
	static void statusChanged(EntityManager em, Collection<DossierRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		try (PreparedStatement ps = connection(em)
				.prepareStatement("UPDATE DOSSIER_SEARCH SET STATUS = ? WHERE NUMBER = ?")) {
			for (DossierRow r : rows) {
				ps.setString(1, Rows.status(r));
				ps.setString(2, Rows.number(r));
				ps.addBatch();
			}
			ps.executeBatch();
		} catch (SQLException e) {
			throw new IllegalStateException("cannot update the search keys of " + rows.size() + " dossiers", e);
		}
	}

	/** The transaction's own connection (EclipseLink begins the database transaction for it). */
	private static Connection connection(EntityManager em) {
		Connection c = em.unwrap(Connection.class);
		if (c == null) {
			throw new IllegalStateException("no database transaction to keep the search keys in");
		}
		return c;
	}
}
