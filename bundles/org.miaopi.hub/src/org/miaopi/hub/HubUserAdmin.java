package org.miaopi.hub;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Locale;

import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.OneTimePasswords;
import org.miaopi.core.service.PasswordHashes;
import org.miaopi.hub.store.HubUser;
import org.miaopi.hub.store.HubUsers;

/**
 * The hub's side of {@code ./miaopi hub users}: the same rules as the desk's user admin (ids,
 * roles, one-time passwords shown once and kept only as their verifier), on the hub's table, from
 * which every desk of the user's department pulls the account.
 */
public final class HubUserAdmin {

	private static final SecureRandom RANDOM = new SecureRandom();
	private final HubUsers users;
	private final OneTimePasswords passwords = new OneTimePasswords(RANDOM);

	public HubUserAdmin(HubUsers users) {
		this.users = users;
	}

	/** @return the one-time password to hand to the user (changed at their first sign-in) */
	public String create(String id, String name, String departmentCode, String role) {
		String userId = id == null ? "" : id.strip(); //$NON-NLS-1$
		if (!userId.matches("[a-z0-9._-]{1,64}")) { //$NON-NLS-1$
			throw new IllegalArgumentException("a user id is 1 to 64 of a-z, 0-9, '.', '_' and '-': '" + id + "'"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("the user needs a name"); //$NON-NLS-1$
		}
		if (departmentCode == null || !departmentCode.matches("[A-Z0-9]{2,32}")) { //$NON-NLS-1$
			throw new IllegalArgumentException("a department code is 2 to 32 of A-Z and 0-9: '" + departmentCode + "'"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Role r = role(role);
		// the desk's rules of a user (a department, a role, never the system's)
		Officer user = new Officer(userId, name.strip(), departmentCode, EnumSet.of(r));
		String oneTime = passwords.next();
		users.create(user.id(), user.name(), user.departmentCode(), r.name(), PasswordHashes.hash(oneTime.toCharArray(), RANDOM));
		return oneTime;
	}

	/** @return the new one-time password */
	public String resetPassword(String id) {
		String oneTime = passwords.next();
		if (!users.resetPassword(id, PasswordHashes.hash(oneTime.toCharArray(), RANDOM))) {
			throw new IllegalArgumentException("user '" + id + "' was removed at the hub"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return oneTime;
	}

	public boolean lock(String id, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("locking " + id + " needs a reason"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		String why = reason.strip();
		return users.lock(id, why.length() > 500 ? why.substring(0, 500) : why);
	}

	public boolean unlock(String id) {
		return users.unlock(id);
	}

	public boolean remove(String id) {
		return users.remove(id);
	}

	/** One line of {@code hub users list}. */
	public static String line(HubUser u) {
		String state = u.removed() ? "REMOVED" : u.locked() ? "LOCKED (" + u.lockReason() + ")" : u.mustChangePassword() ? "one-time password" : "active"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		return String.format(Locale.ROOT, "%-24s %-10s %-10s %s  %s", u.id(), u.departmentCode(), u.roles(), u.name(), state); //$NON-NLS-1$
	}

	private static Role role(String role) {
		try {
			Role r = Role.valueOf(role == null ? "" : role.strip().toUpperCase(Locale.ROOT)); //$NON-NLS-1$
			if (r == Role.OFFICER || r == Role.SUPERVISOR || r == Role.ADMIN) {
				return r;
			}
		} catch (IllegalArgumentException notARole) {
			// fall through
		}
		throw new IllegalArgumentException("a user is an officer, a supervisor or an admin, not " + role); //$NON-NLS-1$
	}
}
