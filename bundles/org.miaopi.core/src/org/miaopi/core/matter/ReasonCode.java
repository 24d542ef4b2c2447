package org.miaopi.core.matter;

import java.util.EnumSet;
import java.util.Set;

import org.miaopi.core.model.DecisionKind;

/**
 * A reason a decision or a routing gives, in both languages, and what it may be given for.
 *
 * @param legalBasis the provision relied on; required for reasons that reject
 * @param uses       the decisions (and routing) this reason fits; never empty
 */
public record ReasonCode(String code, String textZh, String textEn, String legalBasis, Set<ReasonUse> uses) {

	public ReasonCode {
		ComparisonRule.requireText(code, "code");
		ComparisonRule.requireText(textZh, "textZh");
		ComparisonRule.requireText(textEn, "textEn");
		if (legalBasis != null && legalBasis.isBlank()) {
			throw new IllegalArgumentException("legalBasis is blank; use null for none");
		}
		if (uses == null || uses.isEmpty()) {
			throw new IllegalArgumentException(code + ": say what the reason may be given for (reject, supplement, ...)");
		}
		uses = Set.copyOf(EnumSet.copyOf(uses));
	}

	/**
	 * A reason without declared uses, for plugins written before uses existed: one with a legal
	 * basis of its own rejects (or routes); one without may also ask for a supplement.
	 */
	public ReasonCode(String code, String textZh, String textEn, String legalBasis) {
		this(code, textZh, textEn, legalBasis, legalBasis != null ? EnumSet.of(ReasonUse.REJECT, ReasonUse.ROUTE)
				: EnumSet.of(ReasonUse.REJECT, ReasonUse.REQUEST_SUPPLEMENT, ReasonUse.ROUTE));
	}

	/** Whether an officer's decision of {@code kind} may give this reason. */
	public boolean fits(DecisionKind kind) {
		return uses.contains(ReasonUse.of(kind));
	}
}
