package org.miaopi.core.service;

import java.time.Instant;

import org.miaopi.core.model.Officer;

/**
 * A desk user as the admin sees them: who they are, and what stands between them and signing in.
 *
 * @param locked             locked by an admin (until an admin unlocks it)
 * @param lockReason         the admin's reason, or null
 * @param lockedUntil        locked after too many failed sign-ins until then, or null (also null
 *                           once that time has passed)
 * @param failedAttempts     failed sign-ins since the last good one or the last lock
 * @param mustChangePassword the password is a one-time password an admin set: the next sign-in
 *                           asks for a new one
 */
public record UserAccount(Officer officer, boolean locked, String lockReason, Instant lockedUntil, int failedAttempts,
		boolean mustChangePassword) {

	/** Whether a sign-in would be refused now without looking at the password. */
	public boolean refusesSignIn(Instant now) {
		return locked || lockedUntil != null && lockedUntil.isAfter(now);
	}
}
