package org.miaopi.core.matter;

import java.util.List;
import java.util.Optional;

import org.miaopi.core.model.DeclaredField;
import org.miaopi.core.model.MaterialRequirement;

/**
 * A matter (事项) as a plugin contributes it: a Declarative Services component of this type in a
 * bundle {@code org.miaopi.matter.<name>}. Nothing else in Miaopi names a matter's code; the
 * {@link MatterRegistry} finds the definition among the registered services.
 */
public interface MatterDefinition {

	String code();

	String nameZh();

	String nameEn();

	/** The department that decides the matter and seals its certificate. */
	String departmentCode();

	/** The provision the matter rests on, e.g. 《户口登记条例》. */
	String legalBasis();

	/** The committed time limit (承诺时限) in working days. */
	int timeLimitWorkingDays();

	/** Whether the applicant is an enterprise (credit code) rather than a natural person. */
	boolean legalPersonApplicant();

	/** What the applicant hands in; a requirement with a source may be met by a shared record instead. */
	List<MaterialRequirement> materials();

	List<DeclaredField> fields();

	List<ComparisonRule> comparisonRules();

	AutoApprovalPolicy policy();

	/** Every reason code the matter's decisions may give, with its text and legal basis. */
	List<ReasonCode> reasonCodes();

	String certificateTemplateId();

	/**
	 * What the matter accepts of one file (size, pages, pixels); checked at intake, and the viewer
	 * draws within the same bounds. Most matters keep the default.
	 */
	default org.miaopi.core.content.MaterialLimits materialLimits() {
		return org.miaopi.core.content.MaterialLimits.DEFAULT;
	}

	default Optional<ReasonCode> reason(String code) {
		return reasonCodes().stream().filter(r -> r.code().equals(code)).findFirst();
	}

	/** The reason codes a decision of {@code kind} may give, in the matter's order. */
	default List<ReasonCode> reasonCodes(org.miaopi.core.model.DecisionKind kind) {
		return reasonCodes().stream().filter(r -> r.fits(kind)).toList();
	}

	/**
	 * Refuses a decision that gives a reason code the matter does not have, or one that does not
	 * fit the kind of decision (e.g. a routing-only reason on a rejection).
	 *
	 * @throws ReasonCodeException naming the code, the decision and the reasons that would fit
	 */
	default void requireFitting(org.miaopi.core.model.DecisionKind kind, List<String> codes) {
		for (String c : codes) {
			Optional<ReasonCode> r = reason(c);
			if (r.isEmpty() || !r.get().fits(kind)) {
				throw new ReasonCodeException(code(), kind, c, r.isPresent(),
						reasonCodes(kind).stream().map(ReasonCode::code).toList());
			}
		}
	}
}
