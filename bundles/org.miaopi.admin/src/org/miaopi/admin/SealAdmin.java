package org.miaopi.admin;

import java.util.List;

import org.miaopi.core.model.Officer;

/**
 * The admin's seal keys: each department's seal with its certificate's validity, a warning
 * {@value #WARNING_DAYS} days before it expires, rotation (new key and certificate; the old
 * certificate is kept, so what it sealed still verifies) and revocation with a reason. Rotation and
 * revocation need the admin role and are audit events ({@value #ROTATED}, {@value #REVOKED}).
 */
public interface SealAdmin {

	int WARNING_DAYS = 30;
	String ROTATED = "admin.seal-rotated";
	String REVOKED = "admin.seal-revoked";
	String ON_TOKEN = "admin.seal-on-token";
	/** Debian's SoftHSM2 module: the token library a form proposes first. */
	String SOFTHSM2 = "/usr/lib/softhsm/libsofthsm2.so";

	/** Every department's seal, by code; empty on a desk without seals (nothing is created to list them). */
	List<SealStatus> seals();

	/** One line per seal that needs the admin (expiring within {@value #WARNING_DAYS} days, expired, revoked), in English. */
	List<String> warnings();

	/** @throws org.miaopi.core.service.AccessDeniedException unless {@code admin} is an admin */
	SealStatus rotate(Officer admin, String departmentCode);

	/**
	 * Puts the department's seal certificate on the CRL: it seals nothing more (rotate to get a new one).
	 *
	 * @throws IllegalArgumentException without a reason
	 */
	SealStatus revoke(Officer admin, String departmentCode, String reason);

	/**
	 * Puts the department's seal key into a PKCS#11 token (a new key made there, or the key under
	 * {@code alias} already on it), certified by the desk's root; the desk seals with it from then on,
	 * also after a restart, asking the PIN once a session. Audited as {@value #ON_TOKEN}.
	 *
	 * @param alias a key already on the token, or null to make one
	 * @param pin   the token's user PIN, used now and never stored
	 * @throws org.miaopi.core.service.AccessDeniedException unless {@code admin} is an admin
	 */
	SealStatus moveToToken(Officer admin, String departmentCode, java.nio.file.Path module, long slot, String alias, char[] pin);
}
