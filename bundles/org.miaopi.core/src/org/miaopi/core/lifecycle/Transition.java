package org.miaopi.core.lifecycle;

import java.util.Objects;

/**
 * One legal move of a dossier, with the audit event type recorded when it happens.
 *
 * @param automatic whether this move is a 秒批 decision taken by policy with no officer
 */
public record Transition(DossierStatus from, DossierStatus to, String eventType, boolean automatic) {

	public Transition {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (from == to) {
			throw new IllegalArgumentException("a transition changes the status: " + from);
		}
		if (eventType == null || eventType.isBlank()) {
			throw new IllegalArgumentException("event type is blank");
		}
	}

	@Override
	public String toString() {
		return from + " → " + to + " (" + eventType + ")";
	}
}
