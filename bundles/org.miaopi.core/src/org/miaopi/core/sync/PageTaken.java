package org.miaopi.core.sync;

/**
 * What a page changed on the desk.
 *
 * @param dossiers new dossiers stored
 * @param alreadyHeld dossiers of the page the desk held before (left unchanged)
 * @param records new shared records stored
 * @param officers users created or changed on the desk
 */
public record PageTaken(int dossiers, int alreadyHeld, int records, int officers) {

	public PageTaken(int dossiers, int alreadyHeld, int records) {
		this(dossiers, alreadyHeld, records, 0);
	}
}
