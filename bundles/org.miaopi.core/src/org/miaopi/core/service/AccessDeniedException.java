package org.miaopi.core.service;

/** The signed-in user may not see or do this; enforced by the services, not only by the UI. */
public class AccessDeniedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public enum Rule {
		/** Dossiers of another department are invisible to an officer. */
		OTHER_DEPARTMENT,
		/** Supervisors read and audit but never decide or move a dossier. */
		READ_ONLY_ROLE,
		/** The user has no role that allows this at all. */
		NO_ROLE,
		/**
		 * Another officer holds the dossier (or nobody does yet): only its holder moves or decides it;
		 * the holder hands it back, or a supervisor reassigns it.
		 */
		NOT_HOLDER
	}

	private final Rule rule;

	public AccessDeniedException(Rule rule, String message) {
		super(message);
		this.rule = rule;
	}

	public Rule rule() {
		return rule;
	}
}
