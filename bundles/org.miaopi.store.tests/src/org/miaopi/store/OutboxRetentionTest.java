package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.sync.LedgerCheckpoint;
import org.miaopi.core.sync.OutboxEntry;
import org.miaopi.core.sync.PendingDocument;

/**
 * The outbox's retention (docs/hub.md, "Outbox retention"): a row goes only when the hub has held it
 * for the retention, below its mark and its signed checkpoint; a mark that goes back restarts the
 * clock of the rows above it. "Now" is passed in, so no test waits.
 */
class OutboxRetentionTest extends SeededStoreTest {

	private static final long DAY = 86_400_000L;
	private static final long KEEP = 30 * DAY;

	private long written(int n) {
		List<Dossier> ds = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			ds.add(Fixtures.dossier("D" + i, "PSB", DossierStatus.PRE_CHECKED));
		}
		store.putDossiers(ds, "test");
		return store.head();
	}

	private void checkpoint(long seq) {
		store.keepCheckpoint(new LedgerCheckpoint("psb-desk-1", seq, "ab".repeat(32), new byte[] { 1 }, new byte[] { 2 }, 1000));
	}

	private List<Long> rows() {
		return store.after(0, 10_000).stream().map(OutboxEntry::sequence).toList();
	}

	@Test
	void rowsTheHubHeldForTheRetentionGoAndTheRowAtTheCheckpointStays() {
		long head = written(6);
		store.acknowledge(head);
		checkpoint(head);
		long now = System.currentTimeMillis();
		assertEquals(0, store.prune(KEEP, now + KEEP - DAY), "held for 29 days: kept");
		assertEquals(head, rows().size());
		assertEquals(head - 1, store.prune(KEEP, now + KEEP + DAY));
		assertEquals(List.of(head), rows(), "the row at the checkpoint stays: the push compares the hub's head with it");
		assertEquals(head - 1, store.prunedTo());
		assertEquals(0, store.waitingAbove(head));
		assertEquals(0, store.prune(KEEP, now + KEEP + DAY), "a second prune finds nothing");
	}

	@Test
	void nothingAboveTheHubsCheckpointOrMarkGoesAndNothingWithoutACheckpoint() {
		long head = written(6);
		store.acknowledge(head);
		long later = System.currentTimeMillis() + 2 * KEEP;
		assertEquals(0, store.prune(KEEP, later), "no signed checkpoint yet: the hub's hold is not proven");
		checkpoint(3);
		assertEquals(2, store.prune(KEEP, later), "only what lies below the checkpoint");
		assertEquals(LongStream.rangeClosed(3, head).boxed().toList(), rows());
		store.acknowledge(0);
		// once more with a lower mark than the checkpoint: the mark wins
		assertEquals(0, store.prune(KEEP, later), "a hub whose mark went back holds nothing the desk may forget");
	}

	@Test
	void aMarkThatWentBackRestartsTheRetentionOfTheRowsAboveIt() {
		long head = written(6);
		store.acknowledge(head);
		checkpoint(head);
		store.acknowledge(2); // the hub was restored from a backup: it holds only 1..2 now
		long now = System.currentTimeMillis();
		assertEquals(1, store.prune(KEEP, now + 2 * KEEP), "only row 1 (below the mark the hub still holds, 2) goes");
		assertEquals(LongStream.rangeClosed(2, head).boxed().toList(), rows(), "the rows the hub lost are kept to be sent again");
		store.acknowledge(head); // re-sent and applied anew: the clock starts now
		assertEquals(0, store.prune(KEEP, now + KEEP / 2));
	}

	@Test
	void aPendingDocumentIsKeptUntilDeliveredAndAnEmptiedStoreForgetsIt() {
		String sha = "cd".repeat(32);
		store.documentPending(new PendingDocument(sha, "SZPSB-2026-H00000001", "not written yet"));
		store.documentPending(new PendingDocument(sha, "SZPSB-2026-H00000001", "still not there"));
		assertEquals(List.of(new PendingDocument(sha, "SZPSB-2026-H00000001", "still not there")), store.pendingDocuments());
		store.documentDelivered(sha);
		assertEquals(List.of(), store.pendingDocuments());
		store.documentPending(new PendingDocument(sha, "SZPSB-2026-H00000001", "not written yet"));
		long head = written(2);
		store.acknowledge(head);
		checkpoint(head);
		store.prune(KEEP, System.currentTimeMillis() + 2 * KEEP);
		assertTrue(store.prunedTo() > 0);
		store.clear();
		assertEquals(List.of(), store.pendingDocuments());
		assertEquals(0, store.prunedTo(), "a new ledger has pruned nothing");
	}
}
