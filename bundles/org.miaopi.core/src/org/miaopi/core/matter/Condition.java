package org.miaopi.core.matter;

/**
 * One condition of a 秒批 policy, e.g. "the applicant is 80 or older". Matters compose the
 * building blocks of org.miaopi.checks or write their own; a condition that throws sends its
 * dossier to an officer as a rule error and never stops a batch.
 */
public interface Condition {

	/** Stable id, stored with the decision's inputs. */
	String id();

	String descriptionZh();

	String descriptionEn();

	Verdict test(Facts facts);
}
