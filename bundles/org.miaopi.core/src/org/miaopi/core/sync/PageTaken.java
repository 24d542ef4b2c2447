package org.miaopi.core.sync;

/**
 * What a page changed on the desk.
 *
 * @param dossiers new dossiers stored
 * @param alreadyHeld dossiers of the page the desk held before (left unchanged)
 * @param records new shared records stored
 */
public record PageTaken(int dossiers, int alreadyHeld, int records) {
}
