package org.miaopi.core.audit;

import org.miaopi.core.content.Sha256;

/** The result of checking an audit chain. */
public sealed interface Verification {

	boolean isIntact();

	/** Every event checked out. {@code headHash} is the last event's hash, to compare with a kept copy. */
	record Intact(int eventsChecked, Sha256 headHash, Coverage coverage) implements Verification {

		public Intact(int eventsChecked, Sha256 headHash) {
			this(eventsChecked, headHash, Coverage.NONE);
		}

		@Override
		public boolean isIntact() {
			return true;
		}
	}

	/**
	 * The chain breaks at {@code sequence}: the first sequence number that is missing, out of
	 * place, altered, or not linked to its predecessor.
	 */
	record Broken(long sequence, Reason reason, String message) implements Verification {
		@Override
		public boolean isIntact() {
			return false;
		}
	}

	/**
	 * What a full check compared beyond the chain itself: decision rows and dossiers' declared data
	 * against the digests in their events, officers' signatures, and the records written before
	 * events carried digests (covered by the chain for kind and reasons only).
	 *
	 * @param signaturesChecked false when no {@link SignatureVerifier} was at hand (signatures then counted, not checked)
	 */
	record Coverage(long decisionsCompared, long dossiersCompared, long signatures, boolean signaturesChecked,
			long decisionsBeforeDigests, long dossiersBeforeDigests) {
		public static final Coverage NONE = new Coverage(0, 0, 0, false, 0, 0);
	}

	enum Reason {
		/** A decision row or a dossier's declared data no longer match the digest their event recorded, or the row is gone. */
		RECORD_CHANGED,
		/** An officer's decision is not signed, or its signature does not hold. */
		SIGNATURE_INVALID,
		/** An event is missing or out of order. */
		SEQUENCE_GAP,
		/** An event's previous hash is not its predecessor's hash. */
		LINK_BROKEN,
		/** An event's fields do not hash to its recorded hash. */
		CONTENT_CHANGED,
		/**
		 * The ledger no longer holds the head the hub signed in its latest checkpoint, or that
		 * checkpoint's signature does not hold: rewritten after the hub witnessed it.
		 */
		CHECKPOINT_MISMATCH
	}
}
