package org.miaopi.core.service;

import java.util.List;
import java.util.Set;

import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;

/**
 * The desk's users, managed by an admin. The store enforces who may: every method refuses an actor
 * without the {@link Role#ADMIN} role ({@link AccessDeniedException}, rule NO_ROLE), and every change
 * is one audit event in the same transaction as the change itself. Passwords given here are
 * one-time passwords: the user must choose a new one at the next sign-in
 * ({@link SignInService#changePassword}).
 */
public interface UserAccounts {

	String CREATED = "user.created";
	String CHANGED = "user.changed";
	String LOCKED = "user.locked";
	String UNLOCKED = "user.unlocked";
	String PASSWORD_RESET = "user.password-reset";
	/** Recorded by the user's own sign-in that replaced a one-time password. */
	String PASSWORD_CHANGED = "user.password-changed";

	/** The shortest password a user may choose (a one-time password is longer). */
	int MIN_PASSWORD_LENGTH = 8;

	/** Every user but the system actor, by id. */
	List<UserAccount> accounts(Officer admin);

	/**
	 * A new officer or supervisor (or admin) with a one-time password.
	 *
	 * @throws IllegalArgumentException if the id is taken, the department unknown, or the role is the system's
	 */
	void create(Officer admin, Officer user, char[] oneTimePassword);

	/**
	 * Moves a user to another department or gives them other roles.
	 *
	 * @return false when nothing changed (and nothing was recorded)
	 */
	boolean change(Officer admin, String userId, String departmentCode, Set<Role> roles);

	/**
	 * Locks an account until an admin unlocks it; a signed-in user keeps the session but cannot sign
	 * in again. An admin cannot lock their own account (the desk would be left without one).
	 *
	 * @return false when it was already locked
	 */
	boolean lock(Officer admin, String userId, String reason);

	/** Unlocks an account, including a lock after failed sign-ins, and forgets the failures. @return false when it was not locked */
	boolean unlock(Officer admin, String userId);

	/** Replaces the password with a one-time password that must be changed at the next sign-in; clears a failure lock. */
	void resetPassword(Officer admin, String userId, char[] oneTimePassword);
}
