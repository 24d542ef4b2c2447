package org.miaopi.core.matter;

import java.util.Collection;

import org.miaopi.core.model.DecisionKind;

/**
 * The outcome of a theme dossier from its sub-dossiers' outcomes (documented in docs/engine.md):
 * any sub-dossier rejected → the theme is REJECTED (with that reason; nothing is issued, since
 * the pharmacy cannot open with three licences of four); else all approved → APPROVED and the
 * certificates are issued together (一次出件); else PENDING (some are with officers or await
 * a supplement, or have not reached the desk yet).
 * <p>
 * WITHDRAWN: a member was withdrawn before its decision. A theme is one application issued once,
 * and the pharmacy cannot open without one of its licences, so withdrawing a member withdraws the
 * theme's issuance as a rejection does; it is worked out by the store (a withdrawal is no decision,
 * so {@link #of} never yields it).
 */
public enum ThemeOutcome {
	APPROVED, REJECTED, PENDING, WITHDRAWN;

	/** APPROVED, REJECTED and WITHDRAWN are final: a theme's issuance is decided once. */
	public boolean isFinal() {
		return this != PENDING;
	}

	/** @param members the sub-dossiers' decisions so far, null for a sub-dossier not yet decided */
	public static ThemeOutcome of(Collection<DecisionKind> members) {
		if (members.isEmpty()) {
			return PENDING;
		}
		boolean allApproved = true;
		for (DecisionKind k : members) {
			if (k == DecisionKind.REJECT) {
				return REJECTED;
			}
			allApproved &= k == DecisionKind.APPROVE;
		}
		return allApproved ? APPROVED : PENDING;
	}
}
