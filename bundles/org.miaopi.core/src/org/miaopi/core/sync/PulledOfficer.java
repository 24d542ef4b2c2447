package org.miaopi.core.sync;

import org.miaopi.core.model.Officer;

/**
 * A user of the desk's department as the hub holds it, so that they can sign in at a desk that
 * synced while the hub is out of reach: who they are, the stored password verifier (never the
 * password), and their lock. A user removed at the hub comes as locked.
 *
 * @param passwordHash the verifier ({@link org.miaopi.core.service.PasswordHashes} form)
 * @param mustChangePassword the password is a one-time password, to be changed at the next sign-in
 * @param version the hub's change number of this user: the desk keeps a newer one unchanged
 */
public record PulledOfficer(Officer officer, String passwordHash, boolean locked, String lockReason, boolean mustChangePassword,
		long version) {

	public PulledOfficer {
		if (officer == null || officer.isSystem()) {
			throw new IllegalArgumentException("a pulled user is a person, not the system");
		}
		if (passwordHash == null || passwordHash.isBlank()) {
			throw new IllegalArgumentException("user " + officer.id() + " comes without a password verifier");
		}
	}
}
