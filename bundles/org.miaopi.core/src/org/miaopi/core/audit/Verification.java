package org.miaopi.core.audit;

import org.miaopi.core.content.Sha256;

/** The result of checking an audit chain. */
public sealed interface Verification {

	boolean isIntact();

	/** Every event checked out. {@code headHash} is the last event's hash, to compare with a kept copy. */
	record Intact(int eventsChecked, Sha256 headHash) implements Verification {
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

	enum Reason {
		/** An event is missing or out of order. */
		SEQUENCE_GAP,
		/** An event's previous hash is not its predecessor's hash. */
		LINK_BROKEN,
		/** An event's fields do not hash to its recorded hash. */
		CONTENT_CHANGED
	}
}
