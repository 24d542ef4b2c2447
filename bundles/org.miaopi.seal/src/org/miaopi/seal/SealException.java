package org.miaopi.seal;

/**
 * A seal cannot be used, or the keystore cannot be opened. The {@link Code} lets the UI say it in
 * the officer's language; the message is clear English for logs and the CLI.
 */
public class SealException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public enum Code {
		/** The keystore password is wrong (or the keystore is damaged). */
		WRONG_PASSWORD,
		/** The keystore is unlocked by its custodian's password, which is not stored, and none was given. */
		PASSWORD_NEEDED,
		/** No seal for this department in the keystore. */
		UNKNOWN_SEAL,
		/** The seal certificate is not valid yet or no longer valid. */
		SEAL_EXPIRED,
		/** The seal certificate is on the Miaopi root's revocation list. */
		SEAL_REVOKED,
		/** No key for this officer. */
		UNKNOWN_OFFICER,
		/** Anything else that went wrong with keys, files or crypto. */
		FAILED
	}

	private final Code code;

	public SealException(Code code, String message) {
		super(message);
		this.code = code;
	}

	public SealException(Code code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	public Code code() {
		return code;
	}
}
