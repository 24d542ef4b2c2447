package org.miaopi.core.matter;

import java.util.List;

import org.miaopi.core.model.DecisionKind;

/** A decision gives a reason code its matter lacks, or one that does not fit the kind of decision. */
public final class ReasonCodeException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String reasonCode;
	private final DecisionKind kind;

	public ReasonCodeException(String matterCode, DecisionKind kind, String reasonCode, boolean known, List<String> fitting) {
		super((known ? "reason " + reasonCode + " does not fit a decision to " + verb(kind) + " under matter " + matterCode
				: "matter " + matterCode + " has no reason code " + reasonCode) + "; a decision to " + verb(kind)
				+ (fitting.isEmpty() ? " gives none" : " may give " + String.join(", ", fitting)));
		this.reasonCode = reasonCode;
		this.kind = kind;
	}

	private static String verb(DecisionKind kind) {
		return kind.nameEn().toLowerCase(java.util.Locale.ROOT);
	}

	public String reasonCode() {
		return reasonCode;
	}

	public DecisionKind kind() {
		return kind;
	}
}
