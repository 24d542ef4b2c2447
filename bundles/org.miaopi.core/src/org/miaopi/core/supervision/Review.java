package org.miaopi.core.supervision;

import java.time.Instant;

/**
 * One sampled decision and the supervisor's finding on it.
 *
 * @param outcome null while not reviewed yet
 */
public record Review(long sampleId, String dossierNo, ReviewOutcome outcome, String note, String reviewerId,
		Instant reviewed) {
}
