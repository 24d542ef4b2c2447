package org.miaopi.sync;

import java.time.Duration;
import java.util.List;

/**
 * What one sync round moved.
 *
 * @param reached   the hub answered (false: unreachable after every attempt)
 * @param pulled    new dossiers stored; {@code alreadyHeld} of the pulled ones were on the desk already
 * @param records   new shared records stored (of the department's applicants)
 * @param leftOut   hub dossiers or files the desk could not take in, with why
 * @param pushed    outbox entries the hub applied; {@code refused} of them refused for their dossier
 * @param pushSkipped why nothing was pushed (no outbox on this desk), or null
 * @param problem   why the round stopped, or null
 * @param officers  the department's users created or changed on the desk (created, locked, reset at the hub)
 * @param numbersLeft certificate numbers left in the blocks the hub reserved for this desk (-1: the desk numbers on its own)
 */
public record SyncReport(boolean reached, int attempts, int pages, int pulled, int alreadyHeld, int records, int files, long fileBytes,
		List<String> leftOut, long pushed, int refused, long highWater, long waiting, String pushSkipped, String problem,
		Duration took, int officers, long numbersLeft) {

	public SyncReport(boolean reached, int attempts, int pages, int pulled, int alreadyHeld, int records, int files, long fileBytes,
			List<String> leftOut, long pushed, int refused, long highWater, long waiting, String pushSkipped, String problem,
			Duration took) {
		this(reached, attempts, pages, pulled, alreadyHeld, records, files, fileBytes, leftOut, pushed, refused, highWater, waiting,
				pushSkipped, problem, took, 0, -1);
	}
}
