package org.miaopi.core.audit;

import org.miaopi.core.model.Decision;

/**
 * A decision as the ledger holds it: the event that recorded it and, for an officer's decision, the
 * officer's signature over {@link LedgerRecords#decision}{@code (event, decision)} with the signer's
 * certificate (DER). {@code algorithm}, {@code signature} and {@code certificate} are null for an
 * unsigned decision (秒批, imported, or recorded before decisions were signed).
 */
public record SignedDecision(long event, Decision decision, String algorithm, byte[] signature, byte[] certificate) {

	public boolean signed() {
		return signature != null;
	}

	public byte[] canonical() {
		return LedgerRecords.decision(event, decision);
	}
}
