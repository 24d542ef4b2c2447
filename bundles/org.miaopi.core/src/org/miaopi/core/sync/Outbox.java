package org.miaopi.core.sync;

import java.util.List;
import java.util.Optional;

/**
 * The desk's outbox: what the hub has yet to learn, in order. The store writes entries inside
 * the transactions that make the changes; the sync client reads, sends and acknowledges them.
 * The hub's high-water mark is the truth: entries at or below it are kept, since a hub restored
 * from a backup asks for them again; only {@link #prune} removes them, after a retention.
 */
public interface Outbox {

	/** The highest sequence written so far, 0 when nothing was. */
	long head();

	/** Up to {@code limit} entries after {@code sequence}, oldest first. */
	List<OutboxEntry> after(long sequence, int limit);

	/** How many entries lie above {@code highWater}: the changes still waiting to be sent. */
	long waitingAbove(long highWater);

	/**
	 * The hub applied everything up to {@code highWater}. The entries stay readable by
	 * {@link #after}: the mark may go back (a hub restored from a backup).
	 */
	void acknowledge(long highWater);

	/** Keeps the hub's checkpoint of this desk's ledger (the latest one wins). */
	void keepCheckpoint(LedgerCheckpoint checkpoint);

	Optional<LedgerCheckpoint> latestCheckpoint();

	/** Records that the hub refused a change; the officer's work stays in the store. */
	void recordRefusal(PushRefusal refusal);

	/** Refusals not yet seen by an officer, newest first. */
	List<PushRefusal> refusals();

	/**
	 * Removes the entries the hub has held for at least {@code retentionMillis}: below the hub's
	 * mark, below its latest signed checkpoint, and acknowledged that long before {@code nowMillis}
	 * (docs/hub.md, "Outbox retention"). An outbox that keeps everything prunes nothing.
	 *
	 * @return how many entries were removed
	 */
	default long prune(long retentionMillis, long nowMillis) {
		return 0;
	}

	/** Every entry at or below this sequence was pruned (0: none was). */
	default long prunedTo() {
		return 0;
	}

	/** Notes a certificate's document the hub did not get with its record, to be sent on a later push. */
	default void documentPending(PendingDocument document) {
	}

	/** The hub holds the document now (sent, or it had it): it is no longer asked for. */
	default void documentDelivered(String sha256) {
	}

	/** The documents still to be sent, oldest first. */
	default List<PendingDocument> pendingDocuments() {
		return List.of();
	}
}
