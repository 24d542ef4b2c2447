package org.miaopi.core.service;

import java.util.Objects;

import org.miaopi.core.lifecycle.DossierStatus;

/**
 * What {@link IntakeService#settle} did with one settlement.
 *
 * @param status  the dossier's status after the batch (null if there is no such dossier)
 * @param message why it was skipped or failed; null when settled
 */
public record SettleResult(String dossierNo, Outcome outcome, DossierStatus status, String message) {

	public enum Outcome {
		/** Comparisons stored and every step applied. */
		SETTLED,
		/** The dossier was no longer RECEIVED (settled before, or moved by an officer): untouched. */
		SKIPPED,
		/** A step was illegal or not allowed, or the dossier does not exist: untouched. */
		FAILED
	}

	public SettleResult {
		Objects.requireNonNull(dossierNo, "dossierNo");
		Objects.requireNonNull(outcome, "outcome");
		if ((outcome == Outcome.SETTLED) != (message == null)) {
			throw new IllegalArgumentException("a message comes exactly with a skipped or failed settlement");
		}
	}
}
