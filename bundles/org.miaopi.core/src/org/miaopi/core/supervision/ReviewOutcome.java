package org.miaopi.core.supervision;

/** A supervisor's finding on a sampled decision (抽查). */
public enum ReviewOutcome {
	AGREE,
	DISAGREE
}
