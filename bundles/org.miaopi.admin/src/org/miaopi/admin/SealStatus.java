package org.miaopi.admin;

import java.time.Instant;

/**
 * A department's seal as the admin sees it: its certificate's validity and state.
 *
 * @param revokedAt when it was revoked, or null
 * @param daysLeft  whole days until it expires (negative once expired)
 * @param retired   how many earlier seal certificates of the department are kept for verification
 * @param token     the PKCS#11 token that holds the key ("/usr/lib/…/module.so, slot 7"), or null when
 *                  the key is in the desk's seal keystore
 */
public record SealStatus(String departmentCode, String departmentName, String algorithm, String serial, Instant notBefore,
		Instant notAfter, Instant revokedAt, State state, long daysLeft, int retired,
		String token) {

	public enum State {
		VALID,
		/** Expires within {@link SealAdmin#WARNING_DAYS} days: rotate it. */
		EXPIRING,
		EXPIRED,
		REVOKED
	}

	/** Whether the key is in a PKCS#11 token rather than the keystore. */
	public boolean onToken() {
		return token != null;
	}

	/** Whether the admin must act: expiring, expired or revoked. */
	public boolean needsAttention() {
		return state != State.VALID;
	}
}
