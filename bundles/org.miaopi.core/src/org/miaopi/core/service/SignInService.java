package org.miaopi.core.service;

import java.util.Optional;

import org.miaopi.core.model.Officer;

/**
 * Who works at the desk, in the audit ledger: every sign-in, every failed attempt and every
 * sign-out is an event ({@link #SIGNED_IN}, {@link #SIGN_IN_FAILED}, {@link #SIGNED_OUT}) about
 * no dossier. The password is checked here against the store's hash and is never written anywhere.
 */
public interface SignInService {

	String SIGNED_IN = "session.signed-in";
	String SIGN_IN_FAILED = "session.sign-in-failed";
	String SIGNED_OUT = "session.signed-out";
	/** The actor of a failed attempt under a name the desk does not know (the name itself is not kept: it may be a password typed in the wrong field). */
	String UNKNOWN_ACTOR = "unknown";

	/**
	 * Checks {@code password} against the officer's stored hash and records the attempt. The caller
	 * clears the password afterwards.
	 *
	 * @return the officer, or empty for a wrong password or an unknown officer (the same answer for both)
	 */
	Optional<Officer> signIn(String officerId, char[] password);

	/**
	 * An automated run's sign-in without a password (screenshots, benchmarks, UI tests): allowed on
	 * a demo store only, where the demo generator wrote its users' passwords beside the store.
	 * Recorded like any sign-in, with {@code method=demo}; refused (and recorded) elsewhere.
	 */
	Optional<Officer> signInOnDemoStore(String officerId);

	/** Records that {@code officer} signed out (or closed the workbench while signed in). */
	void signOut(Officer officer);
}
