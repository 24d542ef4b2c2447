package org.miaopi.core.sync;

/**
 * The hub's signed word that it holds this desk's ledger up to {@code sequence} with
 * {@code headHash}: a desk ledger rewritten later no longer matches it.
 *
 * @param signature the hub's signature over {@code desk|sequence|headHash}
 * @param hubCertificate the hub's certificate (DER) that verifies it
 */
public record LedgerCheckpoint(String desk, long sequence, String headHash, byte[] signature,
		byte[] hubCertificate, long signedAtMillis) {
}
