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
 * The THEME table (V8.sql): each theme's outcome, worked out from its members' statuses in the
 * transaction that decided a member, with a {@value ThemeService#DECIDED_EVENT} audit event when it
 * changes. APPROVED and REJECTED are final: members only move on from there (certificate issued,
 * archived), which must not reopen the theme.
 */
final class ThemeBook {

	private final DeskStore store;

	ThemeBook(DeskStore store) {
		this.store = store;
	}

	/** A member reached a decided status: its theme's outcome must be worked out again. */
	static boolean decides(Dossier member) {
		return member.isPartOfTheme()
				&& (member.status() == DossierStatus.APPROVED || member.status() == DossierStatus.REJECTED);
	}

	/**
	 * Works the outcome of these themes out again from their members as this transaction sees them
	 * (the caller's changes are flushed first) and stores it.
	 *
	 * @param byTheme theme number → the member dossier whose decision triggered it (the audit event's dossier)
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
			Map<String, int[]> counts = counts(c, byTheme.keySet()); // members, approved, rejected
			Map<String, String> stored = stored(c, byTheme.keySet());
			try (PreparedStatement ins = c.prepareStatement("INSERT INTO THEME (OUTCOME, MEMBERS, APPROVED, REJECTED,"
					+ " CHANGED_MS, THEME_NO) VALUES (?, ?, ?, ?, ?, ?)");
					PreparedStatement upd = c.prepareStatement("UPDATE THEME SET OUTCOME = ?, MEMBERS = ?, APPROVED = ?,"
							+ " REJECTED = ?, CHANGED_MS = ? WHERE THEME_NO = ?")) {
				for (var e : byTheme.entrySet()) {
					String theme = e.getKey();
					int[] n = counts.getOrDefault(theme, new int[3]);
					String before = stored.get(theme);
					if (ThemeOutcome.APPROVED.name().equals(before) || ThemeOutcome.REJECTED.name().equals(before)) {
						continue;
					}
					ThemeOutcome outcome = outcome(n);
					PreparedStatement ps = before == null ? ins : upd;
					ps.setString(1, outcome.name());
					ps.setInt(2, n[0]);
					ps.setInt(3, n[1]);
					ps.setInt(4, n[2]);
					ps.setLong(5, now.toEpochMilli());
					ps.setString(6, theme);
					ps.addBatch();
					String from = before == null ? ThemeOutcome.PENDING.name() : before;
					if (audit && !from.equals(outcome.name())) {
						Map<String, String> details = new LinkedHashMap<>();
						details.put("theme", theme);
						details.put("from", from);
						details.put("outcome", outcome.name());
						details.put("members", Integer.toString(n[0]));
						details.put("approved", Integer.toString(n[1]));
						details.put("rejected", Integer.toString(n[2]));
						prev = AuditChain.next(prev, now, actor.id(), e.getValue(), ThemeService.DECIDED_EVENT, details);
						em.persist(Rows.row(prev));
					}
				}
				ins.executeBatch();
				upd.executeBatch();
			}
			return prev;
		} catch (SQLException e) {
			throw new IllegalStateException("cannot store the outcome of " + byTheme.size() + " themes", e);
		}
	}

	/** The rule of docs/engine.md on counts: any rejected → REJECTED, all approved → APPROVED, else PENDING. */
	static ThemeOutcome outcome(int[] n) {
		return n[2] > 0 ? ThemeOutcome.REJECTED : n[0] > 0 && n[1] == n[0] ? ThemeOutcome.APPROVED : ThemeOutcome.PENDING;
	}

	private static Map<String, int[]> counts(Connection c, Collection<String> themes) throws SQLException {
		Map<String, int[]> out = new HashMap<>();
		for (List<String> chunk : Intake.chunks(themes)) {
			// a range of index DOSSIER_THEME (V6.sql) per theme
			try (PreparedStatement ps = c.prepareStatement("SELECT THEME_NO, STATUS, COUNT(*) FROM DOSSIER WHERE THEME_NO IN ("
					+ marks(chunk.size()) + ") GROUP BY THEME_NO, STATUS")) {
				bind(ps, chunk);
				try (ResultSet r = ps.executeQuery()) {
					while (r.next()) {
						int[] n = out.computeIfAbsent(r.getString(1), k -> new int[3]);
						DossierStatus s = DossierStatus.valueOf(r.getString(2));
						int k = r.getInt(3);
						n[0] += k;
						if (s == DossierStatus.APPROVED || s == DossierStatus.CERTIFICATE_ISSUED) {
							n[1] += k;
						} else if (s == DossierStatus.REJECTED) {
							n[2] += k;
						}
					}
				}
			}
		}
		return out;
	}

	private static Map<String, String> stored(Connection c, Collection<String> themes) throws SQLException {
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

	private static void bind(PreparedStatement ps, List<String> values) throws SQLException {
		for (int i = 0; i < values.size(); i++) {
			ps.setString(i + 1, values.get(i));
		}
	}

	// ---------------------------------------------------------------- reads (ThemeService)

	Optional<ThemeState> theme(String themeNo) {
		try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(
				"SELECT OUTCOME, MEMBERS, APPROVED, REJECTED, CHANGED_MS FROM THEME WHERE THEME_NO = ?")) {
			ps.setString(1, themeNo);
			try (ResultSet r = ps.executeQuery()) {
				if (!r.next()) {
					return Optional.empty();
				}
				return Optional.of(new ThemeState(themeNo, ThemeOutcome.valueOf(r.getString(1)), r.getInt(2), r.getInt(3),
						r.getInt(4), Instant.ofEpochMilli(r.getLong(5))));
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading theme " + themeNo);
		}
	}

	List<Dossier> waitingForTheme(Officer viewer, int limit) {
		String dept = viewer.isSystem() ? null : QueryAccess.readableDepartment(viewer);
		requirePositive(limit);
		String sql = "SELECT D.NUMBER FROM THEME T JOIN DOSSIER D ON D.THEME_NO = T.THEME_NO WHERE T.OUTCOME = 'PENDING'"
				+ " AND D.STATUS = 'APPROVED'" + (dept == null ? "" : " AND D.DEPARTMENT_CODE = ?")
				+ " ORDER BY D.NUMBER FETCH FIRST ? ROWS ONLY";
		List<String> numbers = numbers(sql, dept, limit, "listing the members waiting for their theme");
		return store.read(em -> Intake.dossiers(em, numbers));
	}

	Map<String, List<Dossier>> readyForIssuance(Officer actor, int limit) {
		Intake.requireSystem(actor, "list the themes ready for issuance");
		requirePositive(limit);
		List<String> themes = numbers("SELECT DISTINCT T.THEME_NO FROM THEME T JOIN DOSSIER D ON D.THEME_NO = T.THEME_NO"
				+ " WHERE T.OUTCOME = 'APPROVED' AND D.STATUS = 'APPROVED' ORDER BY T.THEME_NO FETCH FIRST ? ROWS ONLY", null,
				limit, "listing the themes ready for issuance");
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

	private static void requirePositive(int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("the limit must be at least 1, got " + limit);
		}
	}

	private List<String> numbers(String sql, String dept, int limit, String doing) {
		List<String> out = new ArrayList<>();
		try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
			int k = 1;
			if (dept != null) {
				ps.setString(k++, dept);
			}
			ps.setInt(k, limit);
			try (ResultSet r = ps.executeQuery()) {
				while (r.next()) {
					out.add(r.getString(1));
				}
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), doing);
		}
		return out;
	}
}
