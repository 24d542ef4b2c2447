package org.miaopi.core.service;

import java.util.Optional;

/**
 * Asks a person for a secret the desk does not keep in clear: the department seal's custodian
 * password, or the password that unlocks the desk's store, or a token's PIN. Asking again after a wrong answer is
 * {@link SecretTries}'s. The command line asks on the console, the workbench in a dialog, each at most once a
 * session for a given secret; without a prompt (a job with no console) nothing is asked and the
 * caller says which setting supplies the secret instead.
 */
public interface SecretPrompt {

	/** The secrets that may be asked for. */
	enum Secret {
		/** The password of the department's seal keystore, held by the seal's custodian. */
		SEAL_KEYSTORE,
		/** The password that unlocks the desk's store (its locked boot key, or Derby's boot password). */
		STORE,
		/** The PIN of the PKCS#11 token (a hardware key) that holds an officer's decision key, at sign-in. */
		TOKEN_PIN,
		/** The PIN of the PKCS#11 token that holds a department's seal key, when the desk first seals in a session. */
		SEAL_TOKEN_PIN
	}

	/**
	 * @param what    the secret asked for
	 * @param where   what it unlocks, in words (e.g. the keystore's file)
	 * @param problem null on the first ask; otherwise why the last answer was refused, to show
	 * @return the secret, or empty if the person cancelled or cannot be asked
	 */
	Optional<char[]> ask(Secret what, String where, String problem);
}
