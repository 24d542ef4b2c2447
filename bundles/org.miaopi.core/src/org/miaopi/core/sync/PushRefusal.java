package org.miaopi.core.sync;

/**
 * A change the hub refused for one dossier only (it moved on at the hub: reassigned,
 * withdrawn, decided at another desk). The desk keeps the officer's work and shows this.
 *
 * @param hubState what the hub holds for the dossier, in words an officer reads
 */
public record PushRefusal(long sequence, String dossierNo, String reason, String hubState, long atMillis) {
}
