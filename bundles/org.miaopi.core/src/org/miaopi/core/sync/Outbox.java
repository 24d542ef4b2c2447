package org.miaopi.core.sync;

import java.util.List;
import java.util.Optional;

/**
 * The desk's outbox: what the hub has yet to learn, in order. The store writes entries inside
 * the transactions that make the changes; the sync client reads, sends and acknowledges them.
 * The hub's high-water mark is the truth: entries at or below it are kept, since a hub restored
 * from a backup asks for them again.
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
}
