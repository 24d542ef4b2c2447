package org.miaopi.core.supervision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.miaopi.core.model.DecisionKind;

/**
 * A decision row as the store holds it, for supervision. Unlike {@link org.miaopi.core.model.Decision}
 * it accepts what should never be there (a refusal without reason codes or legal basis, e.g. written
 * by an older desk or by hand), because finding such rows is one of supervision's jobs.
 *
 * @param mismatches comparison results of the dossier that needed attention when it was decided (an
 *                   officer's approval with any is an override)
 */
public record DecisionRecord(String dossierNo, String departmentCode, String matterCode, DecisionKind kind,
		List<String> reasonCodes, String legalBasis, String officerId, Instant time, boolean automatic,
		String justification, String policyId, String policyVersion, String inputsDigest, int mismatches) {

	public DecisionRecord {
		Objects.requireNonNull(dossierNo, "dossierNo");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(time, "time");
		reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
	}

	/** An officer approved although the comparison showed something that needed attention. */
	public boolean isOverride() {
		return !automatic && kind == DecisionKind.APPROVE && mismatches > 0;
	}

	/** A rejection the applicant was not given reasons or a legal basis for. */
	public boolean isUnreasonedRefusal() {
		return kind == DecisionKind.REJECT
				&& (reasonCodes.isEmpty() || legalBasis == null || legalBasis.isBlank());
	}
}
