package org.miaopi.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.miaopi.core.sync.LedgerCheckpoint;
import org.miaopi.core.sync.Outbox;
import org.miaopi.core.sync.OutboxEntry;
import org.miaopi.core.sync.PushRefusal;

/** An outbox in memory, for the push loop's tests (the store's own is tested with the store). */
final class MemoryOutbox implements Outbox {

	final TreeMap<Long, OutboxEntry> entries = new TreeMap<>();
	final List<LedgerCheckpoint> checkpoints = new ArrayList<>();
	final List<PushRefusal> refusals = new ArrayList<>();
	long head;
	long prunedTo;
	final java.util.LinkedHashMap<String, org.miaopi.core.sync.PendingDocument> pending = new java.util.LinkedHashMap<>();

	MemoryOutbox add(int n) {
		for (int i = 0; i < n; i++) {
			head++;
			entries.put(head, new OutboxEntry(head, "decision", "SZ" + head, "{\"event\":{\"sequence\":" + head + ",\"hash\":\"h" + head + "\"}}", 1_000 * head)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		return this;
	}

	@Override
	public long head() {
		return head;
	}

	@Override
	public List<OutboxEntry> after(long sequence, int limit) {
		return entries.tailMap(sequence, false).values().stream().limit(limit).toList();
	}

	@Override
	public long waitingAbove(long highWater) {
		return entries.tailMap(highWater, false).size();
	}

	@Override
	public void acknowledge(long highWater) {
		entries.headMap(highWater, true).clear();
	}

	@Override
	public void keepCheckpoint(LedgerCheckpoint checkpoint) {
		checkpoints.add(checkpoint);
	}

	@Override
	public Optional<LedgerCheckpoint> latestCheckpoint() {
		return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
	}

	@Override
	public void recordRefusal(PushRefusal refusal) {
		refusals.add(0, refusal);
	}

	@Override
	public List<PushRefusal> refusals() {
		return List.copyOf(refusals);
	}

	@Override
	public void documentPending(org.miaopi.core.sync.PendingDocument document) {
		pending.put(document.sha256(), document);
	}

	@Override
	public void documentDelivered(String sha256) {
		pending.remove(sha256);
	}

	@Override
	public List<org.miaopi.core.sync.PendingDocument> pendingDocuments() {
		return List.copyOf(pending.values());
	}

	@Override
	public long prunedTo() {
		return prunedTo;
	}
}
