package org.miaopi.decision.ui;

import org.miaopi.core.audit.DecisionSigner;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.miaopi.checks.Reasons;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.TransitionRequest;

/**
 * What deciding means, apart from the widgets: the checks the form makes before it asks the core
 * (which checks again), and the lifecycle steps an officer's decision takes.
 */
public final class DecisionFlow {

	/** Audit detail recording that an approval overrode comparison results, for supervisors. */
	public static final String OVERRIDE_DETAIL = "mismatchOverridden"; //$NON-NLS-1$

	/** Why a decision cannot be taken as filled in; null when it can. */
	public static String problem(Officer officer, Dossier dossier, DecisionKind kind, List<String> reasons,
			String legalBasis, String justification, long attention) {
		if (officer == null || !officer.hasRole(Role.OFFICER)) {
			return Messages.Decision_notOfficer;
		}
		if (dossier == null || !decidable(dossier.status())) {
			return Messages.Decision_notDecidable;
		}
		if (dossier.isHeld() && !officer.id().equals(dossier.assignedOfficerId())) {
			return NLS.bind(Messages.Decision_heldByOther, dossier.assignedOfficerId());
		}
		if (kind == null) {
			return Messages.Decision_chooseKind;
		}
		if (kind != DecisionKind.APPROVE && reasons.isEmpty()) {
			return Messages.Decision_needReason;
		}
		if (kind == DecisionKind.REJECT && blank(legalBasis)) {
			return Messages.Decision_needLegalBasis;
		}
		if (kind == DecisionKind.APPROVE && attention > 0 && blank(justification)) {
			return Messages.Decision_needJustification;
		}
		return null;
	}

	/**
	 * Statuses an officer may decide from; the flow first brings the dossier into review. Not while a
	 * supplement is awaited: it returns to review only when the materials arrive, never because a
	 * form was submitted again.
	 */
	public static boolean decidable(DossierStatus s) {
		return s == DossierStatus.PRE_CHECKED || s == DossierStatus.ASSIGNED || s == DossierStatus.IN_REVIEW;
	}

	/**
	 * The fields whose comparison outcome each ticked reason asserts (DATA-MISMATCH: the fields that
	 * mismatch), by reason code in the order ticked; an empty list means the comparison does not
	 * bear that reason out. Reasons the comparison does not speak to are left out.
	 */
	public static Map<String, List<String>> evidence(List<String> reasons, List<ComparisonResult> results) {
		Map<String, List<String>> found = new LinkedHashMap<>();
		for (String code : reasons) {
			Reasons.evidence(code).ifPresent(o -> found.put(code,
					results.stream().filter(r -> r.outcome() == o).map(ComparisonResult::field).distinct().toList()));
		}
		return found;
	}

	public static long attention(List<ComparisonResult> results) {
		return results.stream().filter(ComparisonResult::needsAttention).count();
	}

	/**
	 * Takes the decision: an unassigned dossier is claimed and taken into review first if needed
	 * (each step its own audit event), then decided; a dossier another officer holds is refused by
	 * the core. An approval over comparison results that need attention carries
	 * the officer's justification and is flagged in the audit ledger. The store signs the decision
	 * with {@code signer}, the officer's key unlocked at sign-in, as it records it.
	 */
	public static Dossier decide(DossierService service, DecisionSigner signer, Officer officer, Dossier dossier, DecisionKind kind,
			List<String> reasons, String legalBasis, String justification, long attention) {
		// every step expects the status the previous one left (the first: the one the form was
		// built on), so a form gone stale is refused by the store instead of repeating a step
		Dossier d = dossier;
		if (d.status() == DossierStatus.PRE_CHECKED) {
			// unassigned: claimed first (a colleague's claim meanwhile is refused by the store)
			d = service.claim(officer, d.number());
		}
		if (d.status() == DossierStatus.ASSIGNED) {
			d = service.transition(officer, TransitionRequest.move(d.number(), DossierStatus.IN_REVIEW).expecting(d.status()));
		}
		Decision decision = new Decision(d.number(), kind, reasons, blank(legalBasis) ? null : legalBasis.strip(),
				officer.id(), Instant.now(), false, blank(justification) ? null : justification.strip(), null, null, null);
		Map<String, String> details = new LinkedHashMap<>();
		if (kind == DecisionKind.APPROVE && attention > 0) {
			details.put(OVERRIDE_DETAIL, Long.toString(attention));
		}
		return service.transition(officer,
				new TransitionRequest(d.number(), kind.resultingStatus(), decision, null, details, d.status()), signer);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private DecisionFlow() {
	}
}
