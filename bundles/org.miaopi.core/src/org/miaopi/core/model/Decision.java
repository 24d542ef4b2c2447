package org.miaopi.core.model;

import java.time.Instant;
import java.util.List;

import org.miaopi.core.content.Sha256;

/**
 * An approval decision (审批决定), by an officer or by the 秒批 policy.
 *
 * @param reasonCodes   the matter's reason codes; required to reject or to ask for a supplement,
 *                      because the applicant is owed the reasons
 * @param legalBasis    the provision relied on; required to reject
 * @param officerId     the deciding officer, or {@link Officer#SYSTEM_ID} exactly when {@code automatic}
 * @param justification the officer's own words, e.g. why a mismatch was overridden; may be null
 * @param policyId      the 秒批 policy that decided; with {@code policyVersion} and {@code inputsDigest}
 *                      required when automatic, so the decision can be replayed
 * @param inputsDigest  hash of the declared data and shared records the decision was taken on
 */
public record Decision(String dossierNo, DecisionKind kind, List<String> reasonCodes, String legalBasis,
		String officerId, Instant time, boolean automatic, String justification, String policyId,
		String policyVersion, Sha256 inputsDigest) {

	public Decision {
		Checks.text(dossierNo, "dossierNo");
		Checks.present(kind, "kind");
		reasonCodes = Checks.texts(reasonCodes, "reasonCodes");
		Checks.optionalText(legalBasis, "legalBasis");
		Checks.text(officerId, "officerId");
		Checks.present(time, "time");
		Checks.optionalText(justification, "justification");
		Checks.optionalText(policyId, "policyId");
		Checks.optionalText(policyVersion, "policyVersion");
		if (automatic != officerId.equals(Officer.SYSTEM_ID)) {
			throw new IllegalArgumentException(automatic
					? "an automatic decision is taken by " + Officer.SYSTEM_ID + ", not " + officerId
					: "a decision by " + Officer.SYSTEM_ID + " must be marked automatic");
		}
		if (automatic && (policyId == null || policyVersion == null || inputsDigest == null)) {
			throw new IllegalArgumentException("an automatic decision names its policy, policy version and inputs digest");
		}
		if (kind != DecisionKind.APPROVE && reasonCodes.isEmpty()) {
			throw new IllegalArgumentException(kind + " needs at least one reason code");
		}
		if (kind == DecisionKind.REJECT && legalBasis == null) {
			throw new IllegalArgumentException("a rejection needs its legal basis");
		}
	}
}
