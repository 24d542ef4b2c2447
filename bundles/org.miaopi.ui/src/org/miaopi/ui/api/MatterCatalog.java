package org.miaopi.ui.api;

import java.util.List;

import org.miaopi.core.model.DecisionKind;

/**
 * What the workbench needs to know about matters: names, reason codes and legal basis. One small
 * interface, so that the demo catalogue behind it today can become the matter plugins' registry.
 */
public interface MatterCatalog {

	/** A reason the applicant is given, in both languages. */
	record ReasonCode(String code, String nameZh, String nameEn) {
		public String name() {
			return Texts.chinese() ? nameZh : nameEn;
		}
	}

	/** Matter codes, for the queue's filter. */
	List<String> matterCodes();

	/** The matter's name in the workbench's language; the code itself if unknown. */
	String name(String matterCode);

	String nameZh(String matterCode);

	String nameEn(String matterCode);

	/** Requirement codes of the materials the applicant must submit (or shared data replace). */
	List<String> requiredMaterials(String matterCode);

	/** The reason codes an officer may give for this kind of decision. */
	List<ReasonCode> reasonCodes(String matterCode, DecisionKind kind);

	/** The provision a decision of this kind relies on. */
	String legalBasis(String matterCode, DecisionKind kind);

	/**
	 * A declared field's label in the workbench's language, as the matter defines it; the key itself
	 * when the matter does not know the field (the key stays for support, e.g. in a tooltip).
	 */
	String fieldName(String matterCode, String fieldKey);

	/** A material requirement's name in the workbench's language; the code itself if unknown. */
	String materialName(String matterCode, String requirementCode);
}
