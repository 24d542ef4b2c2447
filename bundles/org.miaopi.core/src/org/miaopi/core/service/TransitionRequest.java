package org.miaopi.core.service;

import java.util.Map;
import java.util.Objects;

import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Decision;

/**
 * What {@link DossierService#transition} is asked to do to one dossier.
 *
 * @param decision required exactly for moves to APPROVED, REJECTED or SUPPLEMENT_REQUESTED
 * @param assignee required for the move to ASSIGNED
 * @param details  extra facts for the audit event, e.g. a comment
 * @param expected the status the requester saw the dossier in (e.g. when a decision form was
 *                 filled in), or null for no such check; a dossier found in another status is left
 *                 unchanged and the request refused ({@link StoreException.Problem#CONFLICT}), so a
 *                 stale form never repeats or skips a step
 */
public record TransitionRequest(String dossierNo, DossierStatus to, Decision decision, String assignee,
		Map<String, String> details, DossierStatus expected) {

	public TransitionRequest {
		Objects.requireNonNull(dossierNo, "dossierNo");
		Objects.requireNonNull(to, "to");
		details = details == null ? Map.of() : Map.copyOf(details);
		if (decision != null) {
			if (!decision.dossierNo().equals(dossierNo)) {
				throw new IllegalArgumentException("the decision is about " + decision.dossierNo() + ", not " + dossierNo);
			}
			if (decision.kind().resultingStatus() != to) {
				throw new IllegalArgumentException(decision.kind() + " leads to " + decision.kind().resultingStatus() + ", not " + to);
			}
		}
	}

	public TransitionRequest(String dossierNo, DossierStatus to, Decision decision, String assignee,
			Map<String, String> details) {
		this(dossierNo, to, decision, assignee, details, null);
	}

	/** The same request, refused unless the dossier is still in {@code status} when it is applied. */
	public TransitionRequest expecting(DossierStatus status) {
		return new TransitionRequest(dossierNo, to, decision, assignee, details, status);
	}

	public static TransitionRequest move(String dossierNo, DossierStatus to) {
		return new TransitionRequest(dossierNo, to, null, null, Map.of());
	}

	public static TransitionRequest assign(String dossierNo, String officerId) {
		return new TransitionRequest(dossierNo, DossierStatus.ASSIGNED, null, officerId, Map.of());
	}

	public static TransitionRequest decide(Decision decision) {
		return new TransitionRequest(decision.dossierNo(), decision.kind().resultingStatus(), decision, null, Map.of());
	}
}
