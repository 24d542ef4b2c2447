package org.miaopi.core.matter;

import java.util.List;
import java.util.Objects;

/**
 * A matter's 秒批 policy. APPROVE automatically only when every comparison matches, every
 * required material is present (or replaced by a shared record) and every condition holds;
 * otherwise route to an officer with the reasons, except:
 * <ul>
 * <li>{@code blacklistBars}: a listed applicant (信用审批) is rejected with {@code blacklistLegalBasis};</li>
 * <li>a condition that FAILS with a reason whose {@link ReasonCode#legalBasis()} is set rejects;</li>
 * <li>{@code deferralAllowed} (容缺受理): an applicant in good standing missing only non-essential
 *     materials gets a supplement request due in {@code supplementWorkingDays}.</li>
 * </ul>
 *
 * @param version changes whenever the policy's meaning changes; stored with every decision
 */
public record AutoApprovalPolicy(String id, String version, List<Condition> conditions, boolean blacklistBars,
		String blacklistLegalBasis, boolean deferralAllowed, int supplementWorkingDays) {

	public AutoApprovalPolicy {
		ComparisonRule.requireText(id, "id");
		ComparisonRule.requireText(version, "version");
		conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
		if (blacklistBars) {
			ComparisonRule.requireText(blacklistLegalBasis, "blacklistLegalBasis");
		}
		if (deferralAllowed && supplementWorkingDays <= 0) {
			throw new IllegalArgumentException("容缺 needs a supplement deadline of at least one working day");
		}
	}
}
