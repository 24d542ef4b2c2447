package org.miaopi.core.service;

import java.util.List;
import java.util.Objects;

import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Material;

/**
 * What the 秒批 engine concluded about one RECEIVED dossier, for {@link IntakeService#settle}.
 *
 * @param comparisons the comparison results, replacing any stored ones
 * @param steps       the transitions to apply in order, e.g. PRE_CHECKED then APPROVED (with an
 *                    automatic decision), or PRE_CHECKED then ASSIGNED (routing reasons in the
 *                    request's details); every one must be about {@code dossierNo}
 * @param replaced    materials a shared record stands in for (材料免提交), recorded on the dossier as
 *                    material rows citing the record; requirements the dossier already has a material for are left alone
 */
public record Settlement(String dossierNo, List<ComparisonResult> comparisons, List<TransitionRequest> steps,
		List<Material> replaced) {

	public Settlement(String dossierNo, List<ComparisonResult> comparisons, List<TransitionRequest> steps) {
		this(dossierNo, comparisons, steps, List.of());
	}

	public Settlement {
		Objects.requireNonNull(dossierNo, "dossierNo");
		replaced = List.copyOf(Objects.requireNonNull(replaced, "replaced"));
		for (Material m : replaced) {
			if (m.hasFile() || m.replacedBy() == null) {
				throw new IllegalArgumentException("material " + m.id() + " of dossier " + dossierNo + " is not a replaced one");
			}
		}
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
