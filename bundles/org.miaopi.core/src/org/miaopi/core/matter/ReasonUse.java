package org.miaopi.core.matter;

import org.miaopi.core.model.DecisionKind;

/**
 * What a reason code may be given for. A matter says it per code, so the officer is offered, and
 * the core accepts, only the reasons that fit the decision being taken.
 */
public enum ReasonUse {
	/** 不予许可: the reason the application is refused. */
	REJECT,
	/** 补正材料: what the applicant must supply or correct. */
	REQUEST_SUPPLEMENT,
	/** An approval over comparison results that need attention: what was overridden, and why that is acceptable. */
	APPROVE_OVER_MISMATCH,
	/** The 秒批 engine hands the dossier to an officer for this reason (no decision is taken). */
	ROUTE;

	/** The use a decision of {@code kind} makes of its reason codes. */
	public static ReasonUse of(DecisionKind kind) {
		return switch (kind) {
			case APPROVE -> APPROVE_OVER_MISMATCH;
			case REJECT -> REJECT;
			case REQUEST_SUPPLEMENT -> REQUEST_SUPPLEMENT;
		};
	}
}
