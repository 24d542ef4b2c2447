package org.miaopi.core.sync;

/**
 * One change the hub must learn, written in the same desk transaction as the change itself.
 * Sequences run 1, 2, 3 … per desk without gaps; {@code payload} is the change as JSON, opaque
 * to the transport (the hub reads it by {@code kind}).
 *
 * @param dossierNo the dossier the change concerns, or {@code null} (a sign-in, say)
 */
public record OutboxEntry(long sequence, String kind, String dossierNo, String payload, long createdAtMillis) {
}
