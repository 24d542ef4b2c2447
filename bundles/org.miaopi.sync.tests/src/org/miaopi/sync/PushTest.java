package org.miaopi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.miaopi.sync.internal.Backoff;
import org.miaopi.sync.internal.Push;
import org.miaopi.sync.internal.SyncRound;

/** The push loop against the hub's protocol (docs/hub.md, "Push"), the hub and outbox in memory. */
class PushTest {

	private final FakeHub hub = new FakeHub();
	private final MemoryOutbox outbox = new MemoryOutbox();
	private final List<Duration> slept = new ArrayList<>();

	private SyncRound round() {
		return new SyncRound(hub, null, null, null, outbox, "psb-desk-1", null, Backoff.DEFAULT, slept::add); //$NON-NLS-1$
	}

	@Test
	void sendsWhatWaitsInBatchesKeepsTheCheckpointAndForgetsOnlyWhatTheHubApplied() throws Exception {
		outbox.add(1_200);
		Push.Result r = new Push(hub, outbox, "psb-desk-1", 500).run(); //$NON-NLS-1$
		assertEquals(List.of("1..500", "501..1000", "1001..1200"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				hub.batches.stream().map(b -> b.get("from").asLong() + ".." + b.get("to").asLong()).toList()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(new Push.Result(1_200, 0, 1_200, 0), r);
		assertTrue(outbox.entries.isEmpty());
		assertEquals(1_200, outbox.latestCheckpoint().orElseThrow().sequence());
		assertEquals("h1200", outbox.latestCheckpoint().orElseThrow().headHash(), "the batch's ledger head is its last event's hash"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("psb-desk-1", hub.batches.get(0).get("desk").asText()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void startsFromTheHubsMarkNotFromTheDesksMemory() throws Exception {
		outbox.add(10);
		hub.mark = 7;
		Push.Result r = new Push(hub, outbox, "psb-desk-1", 500).run(); //$NON-NLS-1$
		assertEquals(8, hub.batches.get(0).get("from").asLong(), "the hub applied 1..7 already"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of(8L, 9L, 10L), hub.applied);
		assertEquals(3, r.sent());
	}

	@Test
	void aSecondPushWithNothingNewSendsNothing() throws Exception {
		outbox.add(3);
		new Push(hub, outbox, "psb-desk-1", 500).run(); //$NON-NLS-1$
		Push.Result again = new Push(hub, outbox, "psb-desk-1", 500).run(); //$NON-NLS-1$
		assertEquals(1, hub.batches.size());
		assertEquals(new Push.Result(0, 0, 3, 0), again);
	}

	@Test
	void aRefusedChangeIsRecordedForItsDossierAndTheRestIsApplied() throws Exception {
		outbox.add(5);
		hub.refuse = java.util.Set.of("SZ3"); //$NON-NLS-1$
		Push.Result r = new Push(hub, outbox, "psb-desk-1", 500).run(); //$NON-NLS-1$
		assertEquals(1, r.refused());
		assertEquals(5, r.highWater());
		assertEquals(1, outbox.refusals().size());
		assertEquals("SZ3", outbox.refusals().get(0).dossierNo()); //$NON-NLS-1$
		assertEquals("APPROVED by psb-desk-2", outbox.refusals().get(0).hubState()); //$NON-NLS-1$
	}

	@Test
	void anUnreachableHubIsRetriedWithExponentialBackOff() throws Exception {
		outbox.add(10);
		hub.unreachableFor = 2;
		SyncReport r = round().run(5);
		assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), slept);
		assertTrue(r.reached());
		assertEquals(3, r.attempts());
		assertEquals(10, r.pushed());
		assertEquals(0, r.waiting());
		assertEquals(null, r.problem());
	}

	@Test
	void aHubAwayThroughoutLeavesEveryChangeWaiting() throws Exception {
		outbox.add(17);
		hub.unreachableFor = 100;
		SyncReport r = round().run(4);
		assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)), slept);
		assertFalse(r.reached());
		assertEquals(17, r.waiting());
		assertEquals(17, outbox.entries.size(), "nothing is forgotten while the hub is away"); //$NON-NLS-1$
		assertTrue(r.problem().startsWith("the hub could not be reached"), r.problem()); //$NON-NLS-1$
	}

	@Test
	void theBackOffDoublesUpToItsCeiling() {
		assertEquals(Duration.ofSeconds(2), Backoff.DEFAULT.delay(1));
		assertEquals(Duration.ofSeconds(16), Backoff.DEFAULT.delay(4));
		assertEquals(Duration.ofMinutes(5), Backoff.DEFAULT.delay(30));
	}

	/** An outbox entry of a certificate issued, as the desk's store writes it (number and document hash). */
	private void issued(String number, byte[] pdf) {
		outbox.head++;
		String sha = org.miaopi.core.content.ContentHashing.sha256(pdf).hex();
		outbox.entries.put(outbox.head, new org.miaopi.core.sync.OutboxEntry(outbox.head, "certificate.issued", "SZ1", //$NON-NLS-1$ //$NON-NLS-2$
				"{\"event\":{\"sequence\":" + outbox.head + ",\"hash\":\"h" + outbox.head + "\"},\"certificate\":{\"number\":\"" + number //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ "\",\"documentSha256\":\"" + sha + "\"}}", 1_000 * outbox.head)); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void sendsOnlyTheCertificateDocumentsTheHubLacksBeforeTheirRecordsAndNamesOnesNotFound(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		byte[] held = "%PDF-1.7 held".getBytes(java.nio.charset.StandardCharsets.US_ASCII); //$NON-NLS-1$
		byte[] fresh = "%PDF-1.7 fresh".getBytes(java.nio.charset.StandardCharsets.US_ASCII); //$NON-NLS-1$
		byte[] changed = "%PDF-1.7 as sealed".getBytes(java.nio.charset.StandardCharsets.US_ASCII); //$NON-NLS-1$
		hub.documents.add(org.miaopi.core.content.ContentHashing.sha256(held).hex());
		outbox.add(1);
		issued("SZPSB-2026-H00000001", held); //$NON-NLS-1$
		issued("SZPSB-2026-H00000002", fresh); //$NON-NLS-1$
		issued("SZPSB-2026-H00000003", changed); //$NON-NLS-1$
		issued("SZPSB-2026-H00000004", "%PDF-1.7 gone".getBytes(java.nio.charset.StandardCharsets.US_ASCII)); //$NON-NLS-1$ //$NON-NLS-2$
		java.nio.file.Files.write(dir.resolve("SZPSB-2026-H00000001.pdf"), held); //$NON-NLS-1$
		java.nio.file.Files.write(dir.resolve("SZPSB-2026-H00000002.pdf"), fresh); //$NON-NLS-1$
		java.nio.file.Files.write(dir.resolve("SZPSB-2026-H00000003.pdf"), "%PDF-1.7 altered".getBytes(java.nio.charset.StandardCharsets.US_ASCII)); //$NON-NLS-1$ //$NON-NLS-2$
		Push.Result r = new Push(hub, outbox, "psb-desk-1", 500, dir).run(); //$NON-NLS-1$
		assertEquals(List.of(org.miaopi.core.content.ContentHashing.sha256(fresh).hex()), hub.uploads, "only the file the hub lacked"); //$NON-NLS-1$
		assertEquals(1, r.documents());
		assertEquals(2, r.documentsNotFound().size(), r.documentsNotFound().toString());
		assertTrue(r.documentsNotFound().get(0).contains("H00000003") && r.documentsNotFound().get(0).contains("SHA-256 differs"), //$NON-NLS-1$ //$NON-NLS-2$
				r.documentsNotFound().toString());
		assertTrue(r.documentsNotFound().get(1).contains("H00000004"), r.documentsNotFound().toString()); //$NON-NLS-1$
		assertEquals(5, r.sent(), "the records go all the same"); //$NON-NLS-1$

		Push.Result again = new Push(hub, outbox, "psb-desk-1", 500, dir).run(); //$NON-NLS-1$
		assertEquals(0, again.documents(), "nothing new: nothing asked, nothing sent"); //$NON-NLS-1$
		assertEquals(1, hub.uploads.size());
	}

	@Test
	void aCertificateDocumentNotThereAtPushTimeIsSentOnALaterRound(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
		byte[] late = "%PDF-1.7 sealed after the record".getBytes(java.nio.charset.StandardCharsets.US_ASCII); //$NON-NLS-1$
		String sha = org.miaopi.core.content.ContentHashing.sha256(late).hex();
		issued("SZPSB-2026-H00000007", late); //$NON-NLS-1$
		Push.Result first = new Push(hub, outbox, "psb-desk-1", 500, dir).run(); //$NON-NLS-1$
		assertEquals(1, first.sent(), "the record goes without its file"); //$NON-NLS-1$
		assertEquals(0, first.documents());
		assertEquals(List.of(), hub.uploads);

		Push.Result stillMissing = new Push(hub, outbox, "psb-desk-1", 500, dir).run(); //$NON-NLS-1$
		assertEquals(0, stillMissing.sent());
		assertEquals(1, stillMissing.documentsNotFound().size(), "asked again, and named again while it is missing"); //$NON-NLS-1$

		java.nio.file.Files.write(dir.resolve("SZPSB-2026-H00000007.pdf"), late); //$NON-NLS-1$
		Push.Result later = new Push(hub, outbox, "psb-desk-1", 500, dir).run(); //$NON-NLS-1$
		assertEquals(1, later.documents(), "the next round sends the file it could not send before"); //$NON-NLS-1$
		assertEquals(List.of(sha), hub.uploads);
		assertEquals(List.of(), outbox.pendingDocuments());

		new Push(hub, outbox, "psb-desk-1", 500, dir).run(); //$NON-NLS-1$
		assertEquals(1, hub.uploads.size(), "sent once: not asked for again"); //$NON-NLS-1$
	}

	@Test
	void aDocumentTheHubRefusedIsTriedAgainAndOneTheHubGotElsewhereIsNoLongerAskedFor(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		byte[] pdf = "%PDF-1.7 refused once".getBytes(java.nio.charset.StandardCharsets.US_ASCII); //$NON-NLS-1$
		String sha = org.miaopi.core.content.ContentHashing.sha256(pdf).hex();
		issued("SZPSB-2026-H00000008", pdf); //$NON-NLS-1$
		java.nio.file.Files.write(dir.resolve("SZPSB-2026-H00000008.pdf"), pdf); //$NON-NLS-1$
		hub.refuseUploads = true;
		Push.Result refused = new Push(hub, outbox, "psb-desk-1", 500, dir).run(); //$NON-NLS-1$
		assertTrue(refused.documentsNotFound().get(0).contains("refused"), refused.documentsNotFound().toString()); //$NON-NLS-1$
		assertEquals(1, outbox.pendingDocuments().size());
		hub.refuseUploads = false;
		assertEquals(1, new Push(hub, outbox, "psb-desk-1", 500, dir).run().documents(), "tried again on the next round"); //$NON-NLS-1$
		assertEquals(List.of(), outbox.pendingDocuments());

		byte[] other = "%PDF-1.7 uploaded by an admin".getBytes(java.nio.charset.StandardCharsets.US_ASCII); //$NON-NLS-1$
		issued("SZPSB-2026-H00000009", other); //$NON-NLS-1$
		new Push(hub, outbox, "psb-desk-1", 500, dir).run(); //$NON-NLS-1$
		assertEquals(1, outbox.pendingDocuments().size(), "not there"); //$NON-NLS-1$
		hub.documents.add(org.miaopi.core.content.ContentHashing.sha256(other).hex()); // the hub got it another way
		new Push(hub, outbox, "psb-desk-1", 500, dir).run(); //$NON-NLS-1$
		assertEquals(List.of(), outbox.pendingDocuments(), "the hub holds it: no longer asked for"); //$NON-NLS-1$
		assertEquals(List.of(sha), hub.uploads);
	}

	@Test
	void aHubRestoredFromABackupOlderThanWhatThisDeskPrunedIsToldSoAndNothingIsSent() throws Exception {
		outbox.add(10);
		outbox.prunedTo = 6;
		hub.mark = 3;
		org.miaopi.sync.internal.HubRefused e = org.junit.jupiter.api.Assertions.assertThrows(org.miaopi.sync.internal.HubRefused.class,
				() -> new Push(hub, outbox, "psb-desk-1", 500).run()); //$NON-NLS-1$
		assertTrue(e.getMessage().contains("changes 4..6 cannot be sent again"), e.getMessage()); //$NON-NLS-1$
		assertTrue(hub.batches.isEmpty());
	}
}
