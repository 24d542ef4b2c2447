package org.miaopi.core.audit;

import java.util.Optional;

import org.miaopi.core.model.Officer;

/**
 * Officers' own signing keys, each protected by the officer's password (a PKCS#12 file per officer
 * on a desk) or held inside the officer's PKCS#11 token, opened by its PIN. Sign-in unlocks the key
 * (with the password just checked, or the PIN asked for); the session then holds the
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

	/**
	 * Moves the officer's key onto a PKCS#11 token (a hardware key): a new key is made inside the
	 * token and certified by the desk's root; from then on {@link #unlock} asks for the token's PIN
	 * instead of using the password, and the password-protected key is retired (kept, no longer used).
	 *
	 * @param module the token's PKCS#11 library
	 * @param slot   the token's slot
	 * @param pin    the token's user PIN, used now and never stored
	 * @return the serial number of the new key's certificate, in hexadecimal
	 */
	String useToken(Officer officer, java.nio.file.Path module, long slot, char[] pin);
}
