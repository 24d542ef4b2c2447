package org.miaopi.core.sync;

/**
 * An issued certificate's sealed PDF whose record went to the hub without it (the file was not
 * there yet, had changed, or the hub refused it): the push asks the hub for it again each round.
 *
 * @param sha256 the document's SHA-256 as the certificate record names it (hex)
 * @param number the certificate's number: the file is {@code <number>.pdf}
 * @param problem why it was not sent the last time
 */
public record PendingDocument(String sha256, String number, String problem) {
}
