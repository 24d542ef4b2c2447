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

	/** Failed attempts in a row that lock an account for {@link #LOCK_DURATION}. */
	int FAILURES_BEFORE_LOCK = 5;
	java.time.Duration LOCK_DURATION = java.time.Duration.ofMinutes(15);

	/**
	 * Checks {@code password} against the officer's stored hash and records the attempt. The caller
	 * clears the password afterwards.
	 *
	 * @return the officer, or empty for a wrong password, an unknown officer (the same answer for
	 *         both), a locked account or a one-time password that must be changed first
	 */
	default Optional<Officer> signIn(String officerId, char[] password) {
		SignInResult r = attempt(officerId, password);
		return r.signedIn() ? Optional.of(r.officer()) : Optional.empty();
	}

	/**
	 * {@link #signIn}, telling why it did not sign in. The {@value #FAILURES_BEFORE_LOCK}th failure in
	 * a row locks the account for {@link #LOCK_DURATION}; while it is locked even the right password is
	 * refused ({@link SignInResult.Outcome#LOCKED}, with the time the lock ends), and so is any
	 * password of an account an admin locked.
	 */
	SignInResult attempt(String officerId, char[] password);

	/**
	 * Replaces a one-time password (one that {@link #attempt} answered with
	 * {@link SignInResult.Outcome#MUST_CHANGE_PASSWORD}) with the user's own and signs the user in.
	 * The one-time password is checked again, under the same lock rules.
	 *
	 * @throws IllegalArgumentException if the new password is shorter than
	 *                                  {@link UserAccounts#MIN_PASSWORD_LENGTH} or equals the one-time password
	 */
	SignInResult changePassword(String officerId, char[] oneTimePassword, char[] newPassword);

	/**
	 * An automated run's sign-in without a password (screenshots, benchmarks, UI tests): allowed only
	 * while the store is in demo mode ({@link StoreAdmin#demoMode()}, set by the demo generator and
	 * shown by {@code ./miaopi store info}), never because of a file in the Miaopi home.
	 * Recorded like any sign-in, with {@code method=demo}; refused (and recorded) elsewhere.
	 */
	Optional<Officer> signInOnDemoStore(String officerId);

	/** Records that {@code officer} signed out (or closed the workbench while signed in). */
	void signOut(Officer officer);
}
