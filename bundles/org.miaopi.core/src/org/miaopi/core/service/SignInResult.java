package org.miaopi.core.service;

import java.time.Instant;

import org.miaopi.core.model.Officer;

/**
 * What a sign-in attempt came to. A wrong password and an unknown user are both {@link Outcome#REFUSED}
 * (the answer must not tell which names exist); a lock is told, with until when, because the user
 * must know to wait or to call an admin.
 *
 * @param officer     the user, for {@link Outcome#SIGNED_IN} and {@link Outcome#MUST_CHANGE_PASSWORD}; else null
 * @param lockedUntil for {@link Outcome#LOCKED}: when the lock ends; else null
 */
public record SignInResult(Outcome outcome, Officer officer, Instant lockedUntil) {

	public enum Outcome {
		SIGNED_IN,
		/** The password was a one-time password an admin set: not signed in until a new one is chosen. */
		MUST_CHANGE_PASSWORD,
		/** Wrong password or unknown user. */
		REFUSED,
		/** Locked after too many failed attempts (this one may have been the last straw), until {@link SignInResult#lockedUntil()}. */
		LOCKED,
		/** Locked by an admin until an admin unlocks it. */
		LOCKED_BY_ADMIN
	}

	public static SignInResult refused() {
		return new SignInResult(Outcome.REFUSED, null, null);
	}

	public boolean signedIn() {
		return outcome == Outcome.SIGNED_IN;
	}
}
