package org.miaopi.core.matter;

/**
 * A reason a decision or a routing gives, in both languages.
 *
 * @param legalBasis the provision relied on; required for reasons that reject
 */
public record ReasonCode(String code, String textZh, String textEn, String legalBasis) {

	public ReasonCode {
		ComparisonRule.requireText(code, "code");
		ComparisonRule.requireText(textZh, "textZh");
		ComparisonRule.requireText(textEn, "textEn");
		if (legalBasis != null && legalBasis.isBlank()) {
			throw new IllegalArgumentException("legalBasis is blank; use null for none");
		}
	}
}
