package org.miaopi.admin;

import java.time.Instant;

/**
 * A department's seal as the admin sees it: its certificate's validity and state.
 *
 * @param revokedAt when it was revoked, or null
 * @param daysLeft  whole days until it expires (negative once expired)
 * @param retired   how many earlier seal certificates of the department are kept for verification
 * @param tokenModule the PKCS#11 library of the token that holds the key, or null when the key is in
 *                    the desk's seal keystore
 * @param tokenSlot   that token's slot
 */
public record SealStatus(String departmentCode, String departmentName, String algorithm, String serial, Instant notBefore,
		Instant notAfter, Instant revokedAt, State state, long daysLeft, int retired,
		String tokenModule, long tokenSlot) {

	public enum State {
		VALID,
		/** Expires within {@link SealAdmin#WARNING_DAYS} days: rotate it. */
		EXPIRING,
		EXPIRED,
		REVOKED
	}

	/** Whether the key is in a PKCS#11 token rather than the keystore. */
	public boolean onToken() {
		return tokenModule != null;
	}

	/** The token in English words ("PKCS#11 /usr/lib/…/module.so, slot 7"), or null for the keystore. */
	public String token() {
		return onToken() ? "PKCS#11 " + tokenModule + ", slot " + tokenSlot : null; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Whether the admin must act: expiring, expired or revoked. */
	public boolean needsAttention() {
		return state != State.VALID;
	}
}
