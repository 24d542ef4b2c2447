package org.miaopi.core.service;

import java.util.List;
import java.util.Objects;

import org.miaopi.core.model.ComparisonResult;

/**
 * What the 秒批 engine concluded about one RECEIVED dossier, for {@link IntakeService#settle}.
 *
 * @param comparisons the comparison results, replacing any stored ones
 * @param steps       the transitions to apply in order, e.g. PRE_CHECKED then APPROVED (with an
 *                    automatic decision), or PRE_CHECKED then ASSIGNED (routing reasons in the
 *                    request's details); every one must be about {@code dossierNo}
 */
public record Settlement(String dossierNo, List<ComparisonResult> comparisons, List<TransitionRequest> steps) {

	public Settlement {
		Objects.requireNonNull(dossierNo, "dossierNo");
		comparisons = List.copyOf(Objects.requireNonNull(comparisons, "comparisons"));
		steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("settling dossier " + dossierNo + " needs at least one step");
		}
		for (TransitionRequest r : steps) {
			if (!r.dossierNo().equals(dossierNo)) {
				throw new IllegalArgumentException("a step of dossier " + dossierNo + " is about " + r.dossierNo());
			}
		}
	}
}
