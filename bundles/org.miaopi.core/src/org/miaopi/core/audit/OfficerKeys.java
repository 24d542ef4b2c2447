package org.miaopi.core.audit;

import java.util.Optional;

import org.miaopi.core.model.Officer;

/**
 * Officers' own signing keys, each protected by the officer's password (a PKCS#12 file per officer
 * on a desk). Sign-in unlocks the key with the password just checked; the session then holds the
 * {@link DecisionSigner} until sign-out.
 */
public interface OfficerKeys {

	/**
	 * The officer's key, unlocked with {@code password}. A demo desk issues a key on first use (by
	 * its demo CA) protected by that password. Empty when the key cannot be opened with it.
	 */
	Optional<DecisionSigner> unlock(Officer officer, char[] password);

	/** Issues (or replaces) the officer's key, protected by {@code password} (the demo does this for its users). */
	void issue(Officer officer, char[] password);
}
