package org.miaopi.core.service;

/**
 * A failure of the desk's store, with a {@link Problem} the UI can localize and an English
 * message that names the fix. Never carries a database stack trace to the user by itself.
 */
public class StoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public enum Problem {
		/** Another running desk (workbench or ./miaopi job) has the store open. */
		LOCKED,
		/** The boot key or password does not open this store. */
		WRONG_KEY,
		/** The store needs a password and none was given, or its key file is missing. */
		KEY_MISSING,
		/** Disk full or another I/O failure; the transaction was rolled back. */
		IO_FAILURE,
		/** The store was written by a newer Miaopi than this one. */
		SCHEMA_TOO_NEW,
		/** Stored content no longer matches its SHA-256. */
		CONTENT_CORRUPTED,
		/** Somebody else changed the same dossier first; reload and retry. */
		CONFLICT,
		NOT_FOUND,
		/** Anything else the database reported. */
		FAILED
	}

	private final Problem problem;

	public StoreException(Problem problem, String message) {
		this(problem, message, null);
	}

	public StoreException(Problem problem, String message, Throwable cause) {
		super(message, cause);
		this.problem = problem;
	}

	public Problem problem() {
		return problem;
	}
}
