package org.miaopi.supervision;

/** The stages of a case that supervision times (环节), in order. */
public enum Stage {
	/** 受理: receipt to pre-check done. */
	ACCEPT("accept"),
	/** 审查: pre-check done to an officer's start of review. */
	REVIEW("review"),
	/** 决定: start of review to approval or rejection. */
	DECIDE("decide"),
	/** 制证: approval to certificate issued. */
	ISSUE("issue");

	private final String key;

	Stage(String key) {
		this.key = key;
	}

	/** The word used in the rules file and in card subjects. */
	public String key() {
		return key;
	}
}
