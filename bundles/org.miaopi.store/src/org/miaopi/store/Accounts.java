package org.miaopi.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.AccessDeniedException.Rule;
import org.miaopi.core.service.PasswordHashes;
import org.miaopi.core.service.UserAccount;
import org.miaopi.core.service.UserAccounts;
import org.miaopi.store.jpa.Rows;

/**
 * {@link UserAccounts} on the OFFICER table's account columns (V15.sql), by JDBC in the ledger's
 * transaction: a change and its audit event commit together, or neither does. Only an admin may.
 */
final class Accounts implements UserAccounts {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DeskStore store;

	Accounts(DeskStore store) {
		this.store = store;
	}

	/** One user's row as sign-in and the admin need it. */
	record Row(Officer officer, String passwordHash, boolean locked, String lockReason, int failed, Instant until,
			boolean mustChange) {

		UserAccount account(Instant now) {
			return new UserAccount(officer, locked, lockReason, until != null && until.isAfter(now) ? until : null, failed, mustChange);
		}
	}

	private static final String COLUMNS = "ID, NAME, DEPARTMENT_CODE, ROLES, PASSWORD_HASH, LOCKED, LOCK_REASON, FAILED_ATTEMPTS,"
			+ " LOCKED_UNTIL_MS, MUST_CHANGE_PASSWORD";

	static Row row(Connection c, String id) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM OFFICER WHERE ID = ?")) {
			ps.setString(1, id);
			try (ResultSet r = ps.executeQuery()) {
				return r.next() ? row(r) : null;
			}
		}
	}

	private static Row row(ResultSet r) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(r.getString(4).split(",")).map(Role::valueOf).forEach(roles::add);
		long until = r.getLong(9);
		Instant lockedUntil = r.wasNull() ? null : Instant.ofEpochMilli(until);
		return new Row(new Officer(r.getString(1), r.getString(2), r.getString(3), roles), r.getString(5), r.getInt(6) != 0,
				r.getString(7), r.getInt(8), lockedUntil, r.getInt(10) != 0);
	}

	@Override
	public List<UserAccount> accounts(Officer admin) {
		requireAdmin(admin, "list the users");
		Instant now = store.clock.instant();
		List<UserAccount> out = new ArrayList<>();
		try (Connection c = store.connect();
				PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM OFFICER ORDER BY ID");
				ResultSet r = ps.executeQuery()) {
			while (r.next()) {
				Row row = row(r);
				if (!row.officer().isSystem()) {
					out.add(row.account(now));
				}
			}
		} catch (SQLException e) {
			throw StoreErrors.map(e, store.location(), "reading the users");
		}
		return out;
	}

	@Override
	public void create(Officer admin, Officer user, char[] oneTimePassword) {
		requireAdmin(admin, "create users");
		if (user.isSystem()) {
			throw new IllegalArgumentException("the system actor is not a user to create");
		}
		checkPassword(oneTimePassword);
		String hash = PasswordHashes.hash(oneTimePassword, RANDOM);
		Map<String, String> details = userDetails(user);
		change(admin, "creating user " + user.id(), CREATED, details, c -> {
			if (row(c, user.id()) != null) {
				throw new IllegalArgumentException("there already is a user '" + user.id() + "'");
			}
			requireDepartment(c, user.departmentCode());
			update(c, "INSERT INTO OFFICER (ID, NAME, DEPARTMENT_CODE, ROLES, PASSWORD_HASH, MUST_CHANGE_PASSWORD) VALUES (?, ?, ?, ?, ?, 1)",
					user.id(), user.name(), user.departmentCode(), roles(user.roles()), hash);
			return true;
		});
	}

	@Override
	public boolean change(Officer admin, String userId, String departmentCode, Set<Role> roles) {
		requireAdmin(admin, "change users");
		return change(admin, "changing user " + userId, CHANGED, c -> {
			Row row = existing(c, userId);
			// the record checks the rules of a user (a department, a role, never SYSTEM)
			Officer changed = new Officer(userId, row.officer().name(), departmentCode, roles);
			if (changed.equals(row.officer())) {
				return false;
			}
			requireDepartment(c, departmentCode);
			if (admin.id().equals(userId) && !roles.contains(Role.ADMIN)) {
				throw new IllegalArgumentException("an admin cannot take the admin role from their own account");
			}
			update(c, "UPDATE OFFICER SET DEPARTMENT_CODE = ?, ROLES = ? WHERE ID = ?", departmentCode, roles(roles), userId);
			return true;
		}, userId, m -> {
			m.put("department", departmentCode);
			m.put("roles", roles(roles));
		});
	}

	@Override
	public boolean lock(Officer admin, String userId, String reason) {
		requireAdmin(admin, "lock users");
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("locking " + userId + " needs a reason");
		}
		if (admin.id().equals(userId)) {
			throw new IllegalArgumentException("an admin cannot lock their own account");
		}
		String why = cut(reason.strip());
		return change(admin, "locking user " + userId, LOCKED, c -> {
			if (existing(c, userId).locked()) {
				return false;
			}
			update(c, "UPDATE OFFICER SET LOCKED = 1, LOCK_REASON = ? WHERE ID = ?", why, userId);
			return true;
		}, userId, m -> m.put("reason", why));
	}

	@Override
	public boolean unlock(Officer admin, String userId) {
		requireAdmin(admin, "unlock users");
		Instant now = store.clock.instant();
		return change(admin, "unlocking user " + userId, UNLOCKED, c -> {
			Row row = existing(c, userId);
			if (!row.locked() && (row.until() == null || !row.until().isAfter(now)) && row.failed() == 0) {
				return false;
			}
			update(c, "UPDATE OFFICER SET LOCKED = 0, LOCK_REASON = NULL, FAILED_ATTEMPTS = 0, LOCKED_UNTIL_MS = NULL WHERE ID = ?", userId);
			return true;
		}, userId, m -> {
		});
	}

	@Override
	public void resetPassword(Officer admin, String userId, char[] oneTimePassword) {
		requireAdmin(admin, "reset passwords");
		checkPassword(oneTimePassword);
		String hash = PasswordHashes.hash(oneTimePassword, RANDOM);
		change(admin, "resetting the password of " + userId, PASSWORD_RESET, c -> {
			existing(c, userId);
			update(c, "UPDATE OFFICER SET PASSWORD_HASH = ?, MUST_CHANGE_PASSWORD = 1, FAILED_ATTEMPTS = 0, LOCKED_UNTIL_MS = NULL WHERE ID = ?",
					hash, userId);
			return true;
		}, userId, m -> {
		});
	}

	// ---------------------------------------------------------------- plumbing

	interface Work {
		boolean apply(Connection c) throws SQLException;
	}

	private boolean change(Officer admin, String doing, String type, Map<String, String> details, Work work) {
		String subject = details.get("user");
		return change(admin, doing, type, work, subject, m -> m.putAll(details));
	}

	/** Runs {@code work} in the ledger's transaction and records {@code type} if it changed anything. */
	private boolean change(Officer admin, String doing, String type, Work work, String userId,
			java.util.function.Consumer<Map<String, String>> details) {
		boolean[] changed = new boolean[1];
		store.appendToLedger(doing, (em, head) -> {
			Connection c = em.unwrap(Connection.class);
			try {
				if (!work.apply(c)) {
					return head;
				}
			} catch (SQLException e) {
				throw new IllegalStateException("cannot store the change: " + e.getMessage(), e);
			}
			Map<String, String> d = new LinkedHashMap<>();
			d.put("user", userId);
			details.accept(d);
			changed[0] = true;
			AuditEvent event = AuditChain.next(head, store.clock.instant(), admin.id(), null, type, d);
			em.persist(Rows.row(event));
			return event;
		});
		return changed[0];
	}

	static void update(Connection c, String sql, Object... values) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				ps.setObject(i + 1, values[i]);
			}
			ps.executeUpdate();
		}
	}

	private static Row existing(Connection c, String userId) throws SQLException {
		Row row = userId == null ? null : row(c, userId);
		if (row == null || row.officer().isSystem()) {
			throw new IllegalArgumentException("there is no user '" + userId + "'");
		}
		return row;
	}

	private static void requireDepartment(Connection c, String code) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM DEPARTMENT WHERE CODE = ?")) {
			ps.setString(1, code);
			try (ResultSet r = ps.executeQuery()) {
				if (!r.next()) {
					throw new IllegalArgumentException("there is no department '" + code + "'");
				}
			}
		}
	}

	static void requireAdmin(Officer actor, String what) {
		if (actor == null || !actor.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException(Rule.NO_ROLE, (actor == null ? "nobody" : actor.id()) + " cannot " + what + ": only an admin may");
		}
	}

	private static void checkPassword(char[] password) {
		if (password == null || password.length < MIN_PASSWORD_LENGTH) {
			throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
		}
	}

	private static Map<String, String> userDetails(Officer user) {
		Map<String, String> d = new LinkedHashMap<>();
		d.put("user", user.id());
		d.put("department", user.departmentCode());
		d.put("roles", roles(user.roles()));
		return d;
	}

	static String roles(Set<Role> roles) {
		return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	private static String cut(String s) {
		return s.length() > 500 ? s.substring(0, 500) : s;
	}
}
