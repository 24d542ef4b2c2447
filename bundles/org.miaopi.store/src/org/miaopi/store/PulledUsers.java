package org.miaopi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.sync.PulledOfficer;
import org.miaopi.store.jpa.Rows;

/**
 * The department's users pulled from the hub, written into OFFICER (V15.sql's account columns) in
 * the page's transaction, each change with its {@code user.pulled} audit event (which never holds
 * the verifier). The hub is the authority on who may sign in: its lock, roles and department
 * replace the desk's. The verifier is replaced only when the hub's changed since the last pull
 * (kept as a DESK_SETTING row), so a password the officer changed at this desk stays while the hub
 * merely locks or unlocks them. Failed-attempt counters stay the desk's own.
 */
final class PulledUsers {

	static final String PULLED = "user.pulled";
	private static final String VERIFIER = "HUB_VERIFIER:";

	private PulledUsers() {
	}

	/** @return how many users were created or changed */
	static int takeIn(EntityManager em, List<PulledOfficer> users, String actor, AuditEvent[] head, Instant now) {
		if (users.isEmpty()) {
			return 0;
		}
		Connection c = em.unwrap(Connection.class);
		int changed = 0;
		try {
			for (PulledOfficer u : users) {
				Accounts.Row row = Accounts.row(c, u.officer().id());
				String roles = Accounts.roles(u.officer().roles());
				String lastFromHub = setting(c, VERIFIER + u.officer().id());
				boolean newVerifier = !u.passwordHash().equals(lastFromHub);
				if (row == null) {
					Accounts.update(c, "INSERT INTO OFFICER (ID, NAME, DEPARTMENT_CODE, ROLES, PASSWORD_HASH, LOCKED, LOCK_REASON,"
							+ " MUST_CHANGE_PASSWORD) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", u.officer().id(), u.officer().name(),
							u.officer().departmentCode(), roles, u.passwordHash(), flag(u.locked()), reason(u), flag(u.mustChangePassword()));
				} else if (row.officer().isSystem()) {
					continue; // the hub never speaks for the desk's system actor
				} else {
					boolean same = row.officer().equals(u.officer()) && row.locked() == u.locked()
							&& Objects.equals(row.lockReason(), reason(u)) && !newVerifier;
					if (same) {
						continue;
					}
					Accounts.update(c, "UPDATE OFFICER SET NAME = ?, DEPARTMENT_CODE = ?, ROLES = ?, LOCKED = ?, LOCK_REASON = ? WHERE ID = ?",
							u.officer().name(), u.officer().departmentCode(), roles, flag(u.locked()), reason(u), u.officer().id());
					if (newVerifier) {
						Accounts.update(c, "UPDATE OFFICER SET PASSWORD_HASH = ?, MUST_CHANGE_PASSWORD = ? WHERE ID = ?", u.passwordHash(),
								flag(u.mustChangePassword()), u.officer().id());
					}
				}
				if (newVerifier) {
					Accounts.update(c, "DELETE FROM DESK_SETTING WHERE NAME = ?", VERIFIER + u.officer().id());
					Accounts.update(c, "INSERT INTO DESK_SETTING (NAME, VAL) VALUES (?, ?)", VERIFIER + u.officer().id(), u.passwordHash());
				}
				Map<String, String> d = new LinkedHashMap<>();
				d.put("user", u.officer().id());
				d.put("department", u.officer().departmentCode());
				d.put("roles", roles);
				d.put("locked", String.valueOf(u.locked()));
				d.put("newPassword", String.valueOf(newVerifier));
				head[0] = AuditChain.next(head[0], now, actor, null, PULLED, d);
				em.persist(Rows.row(head[0]));
				changed++;
			}
			return changed;
		} catch (SQLException e) {
			throw new IllegalStateException("cannot store the users pulled from the hub: " + e.getMessage(), e);
		}
	}

	private static String reason(PulledOfficer u) {
		if (!u.locked()) {
			return null;
		}
		String r = u.lockReason() == null || u.lockReason().isBlank() ? "locked at the hub" : u.lockReason().strip();
		return r.length() > 500 ? r.substring(0, 500) : r;
	}

	private static int flag(boolean b) {
		return b ? 1 : 0;
	}

	private static String setting(Connection c, String name) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("SELECT VAL FROM DESK_SETTING WHERE NAME = ?")) {
			ps.setString(1, name);
			try (ResultSet r = ps.executeQuery()) {
				return r.next() ? r.getString(1) : null;
			}
		}
	}
}
