package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.matter.ThemeOutcome;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.QueryAccess;
import org.miaopi.core.service.ThemeService;
import org.miaopi.core.service.ThemeState;
import org.miaopi.store.jpa.Rows;

/**
 * The THEME table (V8.sql, V10.sql): each theme's outcome, worked out from the matters its
 * application lists (THEME_MATTER) and its members' statuses, in the transaction that moved or
 * brought a member, with a {@value ThemeService#DECIDED_EVENT} audit event when it changes.
 * APPROVED, REJECTED and WITHDRAWN are final: members only move on from there (certificate issued,
 * archived), which must not reopen the theme; its counts are still kept up to date.
 */
final class ThemeBook {

	private final DeskStore store;

	ThemeBook(DeskStore store) {
		this.store = store;
	}

	/** A member reached a status that decides its theme (approved, rejected, withdrawn): work the outcome out again. */
	static boolean decides(Dossier member) {
		return member.isPartOfTheme() && (member.status() == DossierStatus.APPROVED
				|| member.status() == DossierStatus.REJECTED || member.status() == DossierStatus.WITHDRAWN);
	}

	/** A theme's members as they stand: per listed matter, whether one is approved; and the counts of {@link ThemeState}. */
	static final class Count {
		final java.util.Set<String> listed = new java.util.LinkedHashSet<>();
		final java.util.Set<String> approvedMatters = new java.util.HashSet<>();
		int members;
		int approved;
		int rejected;
		int withdrawn;

		/**
		 * The rule of docs/engine.md: any member rejected → REJECTED; any withdrawn → WITHDRAWN (the
		 * theme is one application issued once); a member of every listed matter present and every
		 * member approved → APPROVED; else PENDING (some are undecided, or have not arrived yet).
		 */
		ThemeOutcome outcome() {
			if (rejected > 0) {
				return ThemeOutcome.REJECTED;
			}
			if (withdrawn > 0) {
				return ThemeOutcome.WITHDRAWN;
			}
			boolean complete = !listed.isEmpty() && approvedMatters.containsAll(listed);
			return complete && approved == members ? ThemeOutcome.APPROVED : ThemeOutcome.PENDING;
		}
	}

	/**
	 * Works the outcome of these themes out again from their lists and members as this transaction
	 * sees them (the caller's changes are flushed first) and stores it.
	 *
	 * @param byTheme theme number → the member dossier that triggered it (the audit event's dossier)
	 * @param audit   false for bulk loading, which records no decisions; then no events are appended
	 * @return the new head of the ledger
	 */
	static AuditEvent update(EntityManager em, Map<String, String> byTheme, Officer actor, AuditEvent prev, Instant now,
			boolean audit) {
		if (byTheme.isEmpty()) {
			return prev;
		}
		em.flush(); // the members' new statuses, for the count below
		Connection c = em.unwrap(Connection.class);
		try {
			Map<String, Count> counts = counts(c, byTheme.keySet());
			Map<String, String> stored = stored(c, byTheme.keySet());
			// a final outcome keeps its value and time; only its counts follow the members
			try (PreparedStatement upd = c.prepareStatement("UPDATE THEME SET MEMBERS = ?, APPROVED = ?, REJECTED = ?,"
					+ " WITHDRAWN = ?, EXPECTED = ?, OUTCOME = ?, CHANGED_MS = ? WHERE THEME_NO = ?");
					PreparedStatement fixedUpd = c.prepareStatement("UPDATE THEME SET MEMBERS = ?, APPROVED = ?,"
							+ " REJECTED = ?, WITHDRAWN = ?, EXPECTED = ? WHERE THEME_NO = ?")) {
				for (var e : byTheme.entrySet()) {
					String theme = e.getKey();
					String before = stored.get(theme);
					if (before == null) {
						// ThemeIntake admits no member without its theme's row: a bug, not bad input
						throw new IllegalStateException("theme " + theme + " has members but no application in this store");
					}
					Count n = counts.getOrDefault(theme, new Count());
					boolean fixed = ThemeOutcome.valueOf(before).isFinal();
					ThemeOutcome outcome = fixed ? ThemeOutcome.valueOf(before) : n.outcome();
					PreparedStatement ps = fixed ? fixedUpd : upd;
					ps.setInt(1, n.members);
					ps.setInt(2, n.approved);
					ps.setInt(3, n.rejected);
					ps.setInt(4, n.withdrawn);
					ps.setInt(5, n.listed.size());
					if (fixed) {
						ps.setString(6, theme);
					} else {
						ps.setString(6, outcome.name());
						ps.setLong(7, now.toEpochMilli());
						ps.setString(8, theme);
					}
					ps.addBatch();
					if (audit && !before.equals(outcome.name())) {
						Map<String, String> details = new LinkedHashMap<>();
						details.put("theme", theme);
						details.put("from", before);
						details.put("outcome", outcome.name());
						details.put("expected", Integer.toString(n.listed.size()));
						details.put("members", Integer.toString(n.members));
						details.put("approved", Integer.toString(n.approved));
						details.put("rejected", Integer.toString(n.rejected));
						details.put("withdrawn", Integer.toString(n.withdrawn));
						prev = AuditChain.next(prev, now, actor.id(), e.getValue(), ThemeService.DECIDED_EVENT, details);
						em.persist(Rows.row(prev));
					}
				}
				upd.executeBatch();
				fixedUpd.executeBatch();
			}
			return prev;
		} catch (SQLException e) {
			throw new IllegalStateException("cannot store the outcome of " + byTheme.size() + " themes", e);
		}
	}

	static Map<String, Count> counts(Connection c, Collection<String> themes) throws SQLException {
		Map<String, Count> out = new HashMap<>();
		for (List<String> chunk : Intake.chunks(themes)) {
			try (PreparedStatement ps = c.prepareStatement("SELECT THEME_NO, MATTER_CODE FROM THEME_MATTER WHERE THEME_NO IN ("
					+ marks(chunk.size()) + ") ORDER BY THEME_NO, POSITION, MATTER_CODE")) {
				bind(ps, chunk);
				try (ResultSet r = ps.executeQuery()) {
					while (r.next()) {
						out.computeIfAbsent(r.getString(1), k -> new Count()).listed.add(r.getString(2));
					}
				}
			}
			// a range of index DOSSIER_THEME (V6.sql) per theme
			try (PreparedStatement ps = c.prepareStatement("SELECT THEME_NO, MATTER_CODE, STATUS, COUNT(*) FROM DOSSIER"
					+ " WHERE THEME_NO IN (" + marks(chunk.size()) + ") GROUP BY THEME_NO, MATTER_CODE, STATUS")) {
				bind(ps, chunk);
				try (ResultSet r = ps.executeQuery()) {
					while (r.next()) {
						Count n = out.computeIfAbsent(r.getString(1), k -> new Count());
						DossierStatus s = DossierStatus.valueOf(r.getString(3));
						int k = r.getInt(4);
						n.members += k;
						if (s == DossierStatus.APPROVED || s == DossierStatus.CERTIFICATE_ISSUED) {
							n.approved += k;
							n.approvedMatters.add(r.getString(2));
						} else if (s == DossierStatus.REJECTED) {
							n.rejected += k;
						} else if (s == DossierStatus.WITHDRAWN) {
							n.withdrawn += k;
						}
					}
				}
			}
		}
		return out;
	}

	static Map<String, String> stored(Connection c, Collection<String> themes) throws SQLException {
		Map<String, String> out = new HashMap<>();
		for (List<String> chunk : Intake.chunks(themes)) {
			try (PreparedStatement ps = c.prepareStatement(
					"SELECT THEME_NO, OUTCOME FROM THEME WHERE THEME_NO IN (" + marks(chunk.size()) + ")")) {
				bind(ps, chunk);
				try (ResultSet r = ps.executeQuery()) {
					while (r.next()) {
						out.put(r.getString(1), r.getString(2));
					}
				}
			}
		}
		return out;
	}

	static String marks(int n) {
		return String.join(", ", java.util.Collections.nCopies(n, "?"));
	}

	static void bind(PreparedStatement ps, List<String> values) throws SQLException {
		for (int i = 0; i < values.size(); i++) {
			ps.setString(i + 1, values.get(i));
		}
	}

	// ---------------------------------------------------------------- reads (ThemeService)

	Optional<ThemeState> theme(String themeNo) {
		try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(
				"SELECT OUTCOME, EXPECTED, MEMBERS, APPROVED, REJECTED, WITHDRAWN, CHANGED_MS FROM THEME WHERE THEME_NO = ?")) {
			ps.setString(1, themeNo);
			try (ResultSet r = ps.executeQuery()) {
				if (!r.next()) {
					return Optional.empty();
				}
				return Optional.of(new ThemeState(themeNo, ThemeOutcome.valueOf(r.getString(1)), r.getInt(2), r.getInt(3),
						r.getInt(4), r.getInt(5), r.getInt(6), Instant.ofEpochMilli(r.getLong(7))));
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading theme " + themeNo);
		}
	}

	List<Dossier> waitingForTheme(Officer viewer, int limit) {
		String dept = viewer.isSystem() ? null : QueryAccess.readableDepartment(viewer);
		NumberQuery.requireLimit(limit);
		String sql = "SELECT D.NUMBER FROM THEME T JOIN DOSSIER D ON D.THEME_NO = T.THEME_NO WHERE T.OUTCOME = 'PENDING'"
				+ " AND D.STATUS = 'APPROVED'" + (dept == null ? "" : " AND D.DEPARTMENT_CODE = ?")
				+ " ORDER BY D.NUMBER FETCH FIRST ? ROWS ONLY";
		String doing = "listing the members waiting for their theme";
		List<String> numbers = dept == null ? NumberQuery.numbers(store, sql, doing, limit) : NumberQuery.numbers(store, sql, doing, dept, limit);
		return store.read(em -> Intake.dossiers(em, numbers));
	}

	Map<String, List<Dossier>> readyForIssuance(Officer actor, int limit) {
		Intake.requireSystem(actor, "list the themes ready for issuance");
		NumberQuery.requireLimit(limit);
		List<String> themes = NumberQuery.numbers(store, "SELECT DISTINCT T.THEME_NO FROM THEME T JOIN DOSSIER D ON D.THEME_NO = T.THEME_NO"
				+ " WHERE T.OUTCOME = 'APPROVED' AND D.STATUS = 'APPROVED' ORDER BY T.THEME_NO FETCH FIRST ? ROWS ONLY",
				"listing the themes ready for issuance", limit);
		Map<String, List<Dossier>> out = new LinkedHashMap<>();
		if (themes.isEmpty()) {
			return out;
		}
		return store.read(em -> {
			List<String> members = em.createQuery("SELECT d.number FROM DossierRow d WHERE d.themeNo IN :t"
					+ " ORDER BY d.number", String.class).setParameter("t", themes).getResultList();
			themes.forEach(t -> out.put(t, new ArrayList<>()));
			for (Dossier d : Intake.dossiers(em, members)) {
				if (d.status() == DossierStatus.APPROVED) {
					out.get(d.themeDossierNo()).add(d);
				}
			}
			return out;
		});
	}
}
