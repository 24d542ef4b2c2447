package org.miaopi.hub.store;

import java.time.Instant;
import java.util.List;

/**
 * A dossier's progress as the applicant follows it, by the intake platform's submission id.
 *
 * @param stage   SUBMITTED (routed, not yet pulled), then the desk's lifecycle status as pushed
 * @param outcome APPROVED, REJECTED, WITHDRAWN once decided, else null
 * @param feedSeq the change feed's position of this state
 */
public record Progress(String submissionId, String departmentCode, String stage, int workingDaysUsed, int workingDaysLeft,
		String outcome, List<String> reasons, String certificateNo, Instant updatedAt, long feedSeq) {

	public Progress {
		reasons = List.copyOf(reasons);
	}
}
