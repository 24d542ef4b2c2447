package org.miaopi.core.lifecycle;

import java.util.Set;

/** A status change the lifecycle does not allow; names both states and what was possible. */
public final class IllegalTransitionException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final DossierStatus from;
	private final DossierStatus to;

	public IllegalTransitionException(DossierStatus from, DossierStatus to, Set<DossierStatus> allowed) {
		super("a dossier cannot go from " + from + " to " + to + "; from " + from + " it can go to "
				+ (allowed.isEmpty() ? "nothing" : allowed));
		this.from = from;
		this.to = to;
	}

	public DossierStatus from() {
		return from;
	}

	public DossierStatus to() {
		return to;
	}
}
