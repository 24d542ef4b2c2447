package org.miaopi.checks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.miaopi.core.content.Sha256;
import org.miaopi.core.matter.Verdict;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.Material;

/**
 * What the engine concluded about one dossier: the comparison, the materials a shared record
 * replaced, each condition's verdict and the outcome. {@code decision} is the automatic decision
 * for APPROVE, REJECT and SUPPLEMENT, and null for ROUTE (an officer decides).
 *
 * @param evaluatedAt   the time the evaluation was taken as of (ages, staleness, the decision's time)
 * @param reasons       reason codes, in the order found; empty only for APPROVE
 * @param supplementDue the 容缺 supplement deadline for SUPPLEMENT, else null
 * @param error         what went wrong for a RULE-ERROR routing, else null
 */
public record Evaluation(String dossierNo, String matterCode, Instant evaluatedAt, String policyId, String policyVersion,
		Outcome outcome,
		List<String> reasons, List<ComparisonResult> comparisons, List<Material> replacedMaterials,
		List<ConditionResult> conditions, LocalDate supplementDue, Decision decision, Sha256 inputsDigest,
		String error) {

	public enum Outcome {
		/** 秒批: approved with no officer. */
		APPROVE,
		/** 信用审批 or a failed condition with a legal basis: rejected with no officer. */
		REJECT,
		/** 容缺受理: accepted, a non-essential material to be supplied by {@code supplementDue}. */
		SUPPLEMENT,
		/** To an officer's queue, with the reasons. */
		ROUTE
	}

	/** @param verdict null when the condition threw; {@code error} then says what */
	public record ConditionResult(String id, String descriptionZh, String descriptionEn, Verdict verdict, String error) {
	}

	public Evaluation {
		reasons = List.copyOf(reasons);
		comparisons = List.copyOf(comparisons);
		replacedMaterials = List.copyOf(replacedMaterials);
		conditions = List.copyOf(conditions);
	}

	public boolean automatic() {
		return decision != null;
	}
}
