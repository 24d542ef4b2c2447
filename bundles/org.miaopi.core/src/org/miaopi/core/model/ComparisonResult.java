package org.miaopi.core.model;

import java.time.Instant;

/**
 * One field of the 数据比对: the declared value next to the recorded one and the verdict.
 *
 * @param declared what the applicant declared, or null if nothing
 * @param recorded what the source says; null when {@code outcome} is MISSING
 * @param source   the source consulted; required when a record was found
 * @param asOf     when the source's record was current; required with {@code source} for a found record
 * @param note     an explanation for the officer, or null
 */
public record ComparisonResult(String ruleId, String field, String declared, String recorded,
		ComparisonOutcome outcome, SharedSource source, Instant asOf, String note) {

	public ComparisonResult {
		Checks.text(ruleId, "ruleId");
		Checks.text(field, "field");
		Checks.present(outcome, "outcome");
		switch (outcome) {
			case MISSING -> {
				if (recorded != null) {
					throw new IllegalArgumentException(field + " is MISSING but has a recorded value");
				}
			}
			case MATCH, MISMATCH, STALE -> {
				if (source == null || asOf == null || recorded == null) {
					throw new IllegalArgumentException(field + " is " + outcome
							+ " so it needs the recorded value, its source and as-of time");
				}
				if (outcome == ComparisonOutcome.MATCH && declared == null) {
					throw new IllegalArgumentException(field + " cannot MATCH without a declared value");
				}
			}
			case INVALID -> {
				// the declared value was unusable; whatever else is known is kept as is
			}
		}
	}

	/** Anything but a match must be looked at by an officer (or blocks 秒批). */
	public boolean needsAttention() {
		return outcome != ComparisonOutcome.MATCH;
	}
}
