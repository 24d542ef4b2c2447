package org.miaopi.core.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A supervision signal that a rule raised: its level, the rule that raised it and the evidence in
 * words. A card is identified by {@link #key()} (rule, dossier, subject), and stored once: evaluating
 * the same facts again finds the card already there.
 *
 * @param dossierNo the dossier, or null for a card about an officer (repeated yellow cards)
 * @param subject   what within the dossier or officer the card is about: a stage, a decision time, a
 *                  period ("2026-11"); never null
 * @param raisedOn  the working day the evaluation found it
 * @param recorded  when the store first recorded it; null before
 */
public record Card(CardLevel level, String rule, String dossierNo, String departmentCode, String matterCode,
		String officerId, String subject, LocalDate raisedOn, String evidence, Instant recorded) {

	public Card {
		Objects.requireNonNull(level, "level");
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(departmentCode, "departmentCode");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(raisedOn, "raisedOn");
		Objects.requireNonNull(evidence, "evidence");
	}

	/** The identity a card is stored under: at most one card per key. */
	public String key() {
		return rule + "|" + (dossierNo == null ? "-" : dossierNo) + "|" + subject;
	}

	public Card recordedAt(Instant when) {
		return new Card(level, rule, dossierNo, departmentCode, matterCode, officerId, subject, raisedOn, evidence, when);
	}
}
