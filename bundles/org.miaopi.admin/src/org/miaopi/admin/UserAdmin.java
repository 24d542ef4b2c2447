package org.miaopi.admin;

import java.util.List;

import org.miaopi.core.model.Department;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.UserAccount;

/**
 * The admin's user management, for the Admin perspective and {@code ./miaopi users}: the store's
 * {@link org.miaopi.core.service.UserAccounts} (which enforces the admin role and audits), plus the
 * one-time passwords handed to users. A one-time password is shown to the admin once and kept
 * nowhere but as the store's hash.
 */
public interface UserAdmin {

	/** The roles an admin gives (never the system's). */
	List<Role> ROLES = List.of(Role.OFFICER, Role.SUPERVISOR, Role.ADMIN);

	List<UserAccount> users(Officer admin);

	List<Department> departments();

	/**
	 * A new user with one role.
	 *
	 * @return the one-time password to hand to the user; it must be changed at the first sign-in
	 * @throws IllegalArgumentException for an id that is not 1–64 of {@code a-z 0-9 . _ -}, a blank
	 *                                  name, a taken id, an unknown department or the system role
	 */
	String create(Officer admin, String id, String name, String departmentCode, Role role);

	/** Another department or role; false when nothing changed. */
	boolean change(Officer admin, String id, String departmentCode, Role role);

	boolean lock(Officer admin, String id, String reason);

	boolean unlock(Officer admin, String id);

	/** @return the new one-time password, which must be changed at the next sign-in */
	String resetPassword(Officer admin, String id);

	/** The audit event of {@link #moveKeyToToken}. */
	String KEY_ON_TOKEN = "admin.officer-key-on-token";

	/**
	 * Gives the officer a new decision key made inside a PKCS#11 token (a hardware key the officer
	 * keeps): from then on sign-in asks for the token's PIN, and the key never leaves the token.
	 *
	 * @param pin the token's user PIN, used now and never stored
	 * @return the serial number of the key's certificate, in hexadecimal
	 * @throws org.miaopi.core.service.AccessDeniedException unless {@code admin} is an admin
	 * @throws IllegalArgumentException for an id that is no user of this desk
	 */
	String moveKeyToToken(Officer admin, String id, java.nio.file.Path module, long slot, char[] pin);
}
