package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.matter.ThemeOutcome;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.ThemeApplication;
import org.miaopi.core.service.ThemeService;
import org.miaopi.store.jpa.Rows;

/**
 * Theme (一件事) applications and their members as they reach the desk (V10.sql): an application
 * records the matters it lists, so the theme waits for all of them however the members are
 * batched; a member must fit its theme's list. Everything here runs inside the importing
 * transaction and refuses before anything is written.
 */
final class ThemeIntake {

	/** A theme's row as stored: its outcome and code (null: taken in before schema 10, list unknown). */
	private record Stored(String outcome, String code, List<String> listed) {
	}

	/** What admitting a batch of members found: members of decided themes, and themes reopened by one. */
	record Admitted(List<Dossier> late, Map<String, String> outcomes, Set<String> reopened) {
	}

	private ThemeIntake() {
	}

	/** Stores the applications not stored yet (a {@value ThemeService#RECEIVED_EVENT} event each); returns the new head. */
	static AuditEvent declare(EntityManager em, List<ThemeApplication> apps, String actor, AuditEvent prev, Instant now) {
		Connection c = em.unwrap(Connection.class);
		try {
			Map<String, ThemeApplication> byNo = new LinkedHashMap<>();
			for (ThemeApplication a : apps) {
				ThemeApplication twin = byNo.putIfAbsent(a.number(), a);
				if (twin != null && !twin.equals(a)) {
					throw new IllegalArgumentException("theme dossier " + a.number() + " appears twice with different lists");
				}
			}
			Map<String, Stored> stored = stored(c, byNo.keySet());
			Map<String, String> recount = new LinkedHashMap<>();
			for (ThemeApplication a : byNo.values()) {
				Stored s = stored.get(a.number());
				if (s != null && s.code() != null) {
					if (!s.code().equals(a.themeCode()) || !s.listed().equals(a.matterCodes())) {
						throw new IllegalArgumentException("theme dossier " + a.number() + " was taken in as " + s.code() + " "
								+ s.listed() + "; it cannot now list " + a.themeCode() + " " + a.matterCodes());
					}
					continue; // the same application again: nothing to do
				}
				if (s == null) {
					try (PreparedStatement ps = c.prepareStatement("INSERT INTO THEME (THEME_NO, OUTCOME, MEMBERS, APPROVED,"
							+ " REJECTED, WITHDRAWN, EXPECTED, THEME_CODE, CHANGED_MS) VALUES (?, 'PENDING', 0, 0, 0, 0, ?, ?, ?)")) {
						ps.setString(1, a.number());
						ps.setInt(2, a.matterCodes().size());
						ps.setString(3, a.themeCode());
						ps.setLong(4, now.toEpochMilli());
						ps.executeUpdate();
					}
				} else {
					// taken in before schema 10: the application's list replaces the one guessed from its members
					List<String> unlisted = new ArrayList<>(
							members(c, List.of(a.number())).getOrDefault(a.number(), Map.of()).keySet());
					unlisted.removeAll(a.matterCodes());
					if (!unlisted.isEmpty()) {
						throw new IllegalArgumentException("theme dossier " + a.number() + " already has members of " + unlisted
								+ ", which its application " + a.matterCodes() + " does not list");
					}
					try (PreparedStatement ps = c.prepareStatement("UPDATE THEME SET THEME_CODE = ? WHERE THEME_NO = ?");
							PreparedStatement del = c.prepareStatement("DELETE FROM THEME_MATTER WHERE THEME_NO = ?")) {
						ps.setString(1, a.themeCode());
						ps.setString(2, a.number());
						ps.executeUpdate();
						del.setString(1, a.number());
						del.executeUpdate();
					}
					recount.put(a.number(), a.number());
				}
				list(c, a.number(), a.matterCodes(), 0);
				Map<String, String> details = new LinkedHashMap<>();
				details.put("theme", a.themeCode());
				details.put("matters", String.join(",", a.matterCodes()));
				prev = AuditChain.next(prev, now, actor, a.number(), ThemeService.RECEIVED_EVENT, details);
				em.persist(Rows.row(prev));
			}
			return ThemeBook.update(em, recount, org.miaopi.core.model.Officer.SYSTEM, prev, now, false);
		} catch (SQLException e) {
			throw new IllegalStateException("cannot store " + apps.size() + " theme applications", e);
		}
	}

	/**
	 * Checks that every theme member names a theme taken in and a matter it lists, once; extends the
	 * list of a theme taken in before schema 10; reopens such a theme decided APPROVED early if none
	 * of its certificates is issued yet.
	 *
	 * @throws IllegalArgumentException naming the member, before anything is written
	 */
	static Admitted admit(EntityManager em, List<Dossier> dossiers) {
		Connection c = em.unwrap(Connection.class);
		try {
			Set<String> themes = new LinkedHashSet<>();
			dossiers.stream().filter(Dossier::isPartOfTheme).forEach(d -> themes.add(d.themeDossierNo()));
			Map<String, Stored> stored = stored(c, themes);
			Map<String, Map<String, String>> present = members(c, themes);
			List<Dossier> late = new ArrayList<>();
			Map<String, String> outcomes = new HashMap<>();
			Set<String> reopened = new LinkedHashSet<>();
			for (Dossier d : dossiers) {
				if (!d.isPartOfTheme()) {
					continue;
				}
				String t = d.themeDossierNo();
				Stored s = stored.get(t);
				if (s == null) {
					throw new IllegalArgumentException("dossier " + d.number() + " belongs to theme " + t
							+ ", whose application this store has not taken in: take in the theme application (its"
							+ " list of matters) first, or the theme could be decided before all its members arrive");
				}
				Map<String, String> members = present.computeIfAbsent(t, k -> new LinkedHashMap<>());
				String twin = members.putIfAbsent(d.matterCode(), d.number());
				if (twin != null) {
					throw new IllegalArgumentException("theme " + t + " already has dossier " + twin + " for matter "
							+ d.matterCode() + "; dossier " + d.number() + " cannot be a second one");
				}
				if (!s.listed().contains(d.matterCode())) {
					if (s.code() != null) {
						throw new IllegalArgumentException("dossier " + d.number() + " is for matter " + d.matterCode()
								+ ", which theme " + t + " (" + s.code() + ") does not list: " + s.listed());
					}
					list(c, t, List.of(d.matterCode()), s.listed().size());
					s.listed().add(d.matterCode());
				}
				ThemeOutcome outcome = ThemeOutcome.valueOf(s.outcome());
				if (outcome.isFinal()) {
					late.add(d);
					outcomes.put(d.number(), outcome.name());
					if (outcome == ThemeOutcome.APPROVED && !reopened.contains(t) && noneIssued(c, t)) {
						reopened.add(t);
					}
				}
			}
			for (String t : reopened) {
				try (PreparedStatement ps = c.prepareStatement("UPDATE THEME SET OUTCOME = 'PENDING' WHERE THEME_NO = ?")) {
					ps.setString(1, t);
					ps.executeUpdate();
				}
			}
			return new Admitted(late, outcomes, reopened);
		} catch (SQLException e) {
			throw new IllegalStateException("cannot check the themes of " + dossiers.size() + " dossiers", e);
		}
	}

	/** The audit events of {@link #admit}'s findings, on each late member; returns the new head. */
	static AuditEvent audit(EntityManager em, Admitted a, String actor, AuditEvent prev, Instant now) {
		Set<String> told = new LinkedHashSet<>();
		for (Dossier d : a.late()) {
			Map<String, String> details = new LinkedHashMap<>();
			details.put("theme", d.themeDossierNo());
			details.put("outcome", a.outcomes().get(d.number()));
			details.put("matter", d.matterCode());
			boolean reopens = a.reopened().contains(d.themeDossierNo()) && told.add(d.themeDossierNo());
			details.put("reopened", Boolean.toString(a.reopened().contains(d.themeDossierNo())));
			prev = AuditChain.next(prev, now, actor, d.number(), ThemeService.LATE_MEMBER_EVENT, details);
			em.persist(Rows.row(prev));
			if (reopens) {
				Map<String, String> decided = new LinkedHashMap<>();
				decided.put("theme", d.themeDossierNo());
				decided.put("from", ThemeOutcome.APPROVED.name());
				decided.put("outcome", ThemeOutcome.PENDING.name());
				decided.put("reason", "late-member");
				prev = AuditChain.next(prev, now, actor, d.number(), ThemeService.DECIDED_EVENT, decided);
				em.persist(Rows.row(prev));
			}
		}
		return prev;
	}

	private static boolean noneIssued(Connection c, String theme) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM DOSSIER WHERE THEME_NO = ?"
				+ " AND STATUS IN ('CERTIFICATE_ISSUED', 'ARCHIVED')")) {
			ps.setString(1, theme);
			try (ResultSet r = ps.executeQuery()) {
				r.next();
				return r.getInt(1) == 0;
			}
		}
	}

	private static void list(Connection c, String theme, List<String> matters, int from) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("INSERT INTO THEME_MATTER (THEME_NO, MATTER_CODE, POSITION) VALUES (?, ?, ?)")) {
			for (int i = 0; i < matters.size(); i++) {
				ps.setString(1, theme);
				ps.setString(2, matters.get(i));
				ps.setInt(3, from + i);
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

	/** The members already stored, per theme: matter code → dossier number (one query per {@link Intake#CHUNK} themes). */
	private static Map<String, Map<String, String>> members(Connection c, java.util.Collection<String> themes)
			throws SQLException {
		Map<String, Map<String, String>> out = new HashMap<>();
		for (List<String> chunk : Intake.chunks(themes)) {
			// a range of index DOSSIER_THEME (V6.sql) per theme
			try (PreparedStatement ps = c.prepareStatement("SELECT THEME_NO, MATTER_CODE, NUMBER FROM DOSSIER WHERE THEME_NO IN ("
					+ ThemeBook.marks(chunk.size()) + ") ORDER BY THEME_NO, NUMBER")) {
				ThemeBook.bind(ps, chunk);
				try (ResultSet r = ps.executeQuery()) {
					while (r.next()) {
						out.computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>()).putIfAbsent(r.getString(2), r.getString(3));
					}
				}
			}
		}
		return out;
	}

	private static Map<String, Stored> stored(Connection c, Set<String> themes) throws SQLException {
		Map<String, Stored> out = new HashMap<>();
		for (List<String> chunk : Intake.chunks(themes)) {
			try (PreparedStatement ps = c.prepareStatement("SELECT THEME_NO, OUTCOME, THEME_CODE FROM THEME WHERE THEME_NO IN ("
					+ ThemeBook.marks(chunk.size()) + ")")) {
				ThemeBook.bind(ps, chunk);
				try (ResultSet r = ps.executeQuery()) {
					while (r.next()) {
						out.put(r.getString(1), new Stored(r.getString(2), r.getString(3), new ArrayList<>()));
					}
				}
			}
			try (PreparedStatement ps = c.prepareStatement("SELECT THEME_NO, MATTER_CODE FROM THEME_MATTER WHERE THEME_NO IN ("
					+ ThemeBook.marks(chunk.size()) + ") ORDER BY THEME_NO, POSITION, MATTER_CODE")) {
				ThemeBook.bind(ps, chunk);
				try (ResultSet r = ps.executeQuery()) {
					while (r.next()) {
						Stored s = out.get(r.getString(1));
						if (s != null) {
							s.listed().add(r.getString(2));
						}
					}
				}
			}
		}
		return out;
	}
}
