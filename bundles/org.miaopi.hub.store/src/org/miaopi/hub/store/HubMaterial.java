package org.miaopi.hub.store;

/**
 * A material of a dossier: a file by its SHA-256 (its bytes are stored once, see
 * {@link HubStore#putContent}), or a shared record standing in for the file.
 *
 * @param sha256     lower-case hex, or null when {@code replacedBy} stands in
 * @param replacedBy "SOURCE|subjectId|asOf" of the shared record, or null
 */
public record HubMaterial(String requirement, String sha256, String fileName, String mimeType, long size, String replacedBy) {
}
