package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.TransitionRequest;
import org.miaopi.core.sync.OutboxEntry;
import org.miaopi.core.sync.PushRefusal;

/**
 * The outbox: every change the hub must learn is a row written in the transaction that makes it,
 * numbered without gaps, carrying its audit event (with the chain hashes) and the records it wrote.
 */
class OutboxTest extends SeededStoreTest {

	@Test
	void anOfficersDecisionIsOneRowWithItsSignatureDigestAndChainHashes() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.IN_REVIEW)), "test");
		long before = store.head();
		store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.approve("D1", Fixtures.OFFICER)),
				TestSigner.of(Fixtures.OFFICER));
		List<OutboxEntry> rows = store.after(before, 10);
		assertEquals(1, rows.size());
		OutboxEntry e = rows.get(0);
		AuditEvent event = last();
		assertEquals(before + 1, e.sequence());
		assertEquals("dossier.approved", e.kind());
		assertEquals("D1", e.dossierNo());
		String p = e.payload();
		assertTrue(p.startsWith("{\"event\":{\"sequence\":" + event.sequence() + ",\"time\":\"" + event.time() + "\""), p);
		assertTrue(p.contains("\"prevHash\":\"" + event.prevHash().hex() + "\",\"hash\":\"" + event.hash().hex() + "\""), p);
		assertTrue(p.contains("\"decisionDigest\":\"" + event.details().get("decisionDigest") + "\""), p);
		assertTrue(p.contains("\"decision\":{\"kind\":\"APPROVE\""), p);
		assertTrue(p.contains("\"officer\":\"li.na\""), p);
		assertTrue(p.contains("\"signature\":{\"algorithm\":\"Ed25519\",\"value\":\""), p);
	}

	@Test
	void aFailedTransitionLeavesNoRowAndTheNextTakesTheNumberItWouldHaveHad() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.IN_REVIEW)), "test");
		long before = store.head();
		store.beforeCommit = () -> {
			throw new IllegalStateException("the disk is full");
		};
		assertThrows(StoreException.class, () -> store.transition(Fixtures.OFFICER,
				TransitionRequest.decide(Fixtures.approve("D1", Fixtures.OFFICER)), TestSigner.of(Fixtures.OFFICER)));
		store.beforeCommit = () -> {
		};
		assertEquals(before, store.head());
		assertEquals(List.of(), store.after(before, 10));
		// a refused request (wrong officer) writes nothing either
		assertThrows(RuntimeException.class, () -> store.transition(Fixtures.OTHER,
				TransitionRequest.decide(Fixtures.approve("D1", Fixtures.OTHER)), TestSigner.of(Fixtures.OTHER)));
		assertEquals(before, store.head());
		store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.approve("D1", Fixtures.OFFICER)),
				TestSigner.of(Fixtures.OFFICER));
		assertEquals(List.of(before + 1), store.after(before, 10).stream().map(OutboxEntry::sequence).toList());
	}

	@Test
	void everyKindOfChangeIsARowNumberedWithoutGapsInLedgerOrder() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.PRE_CHECKED),
				Fixtures.dossier("D2", "PSB", DossierStatus.APPROVED)), "test");
		store.setDemoMode(true);
		store.sessions().signInOnDemoStore(Fixtures.OFFICER.id());
		store.claim(Fixtures.OFFICER, "D1");
		store.handBack(Fixtures.OFFICER, "D1");
		store.reassign(Fixtures.SUPERVISOR, "D1", Fixtures.OFFICER2.id());
		Dossier d2 = store.find(Fixtures.OFFICER, "D2").orElseThrow();
		store.issued(Fixtures.OFFICER, new CertificateRecord("C-1", "D2", d2.applicant(), d2.matterCode(),
				Instant.parse("2026-11-23T03:00:00Z"), Fixtures.TODAY, null, "PSB", ContentHashing.sha256(new byte[] { 1 }), false,
				null));
		store.revoked(Fixtures.OFFICER, "C-1", "issued in error");
		List<OutboxEntry> rows = store.after(0, 1000);
		List<AuditEvent> ledger = store.ledger();
		assertEquals(ledger.size(), rows.size(), "one row per event of the ledger");
		assertEquals(LongStream.rangeClosed(1, rows.size()).boxed().toList(), rows.stream().map(OutboxEntry::sequence).toList());
		assertEquals(rows.size(), store.head());
		assertEquals(ledger.stream().map(AuditEvent::type).toList(), rows.stream().map(OutboxEntry::kind).toList());
		List<String> kinds = rows.stream().map(OutboxEntry::kind).toList();
		assertTrue(kinds.containsAll(List.of("session.signed-in", "dossier.claimed", "dossier.handed-back",
				"dossier.reassigned", "certificate.issued", "certificate.revoked")), kinds.toString());
		OutboxEntry issued = rows.stream().filter(r -> r.kind().equals("certificate.issued")).findFirst().orElseThrow();
		assertTrue(issued.payload().contains("\"certificate\":{\"number\":\"C-1\",\"dossierNo\":\"D2\""), issued.payload());
		assertTrue(issued.payload().contains("\"documentSha256\":\"" + ContentHashing.sha256(new byte[] { 1 }).hex()),
				issued.payload());
	}

	@Test
	void whatTheHubAppliedStaysReadableForAHubRestoredFromABackupAndTheRestWaits() {
		List<Dossier> ds = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			ds.add(Fixtures.dossier("D" + i, "PSB", DossierStatus.PRE_CHECKED));
		}
		store.putDossiers(ds, "test");
		long head = store.head();
		assertEquals(head, store.waitingAbove(0));
		store.acknowledge(head - 2);
		assertEquals(2, store.waitingAbove(head - 2));
		assertEquals(LongStream.rangeClosed(1, head).boxed().toList(), store.after(0, 100).stream().map(OutboxEntry::sequence).toList(),
				"a hub restored from a backup asks again from its older mark: every row is still there");
		assertEquals(List.of(head - 1), store.after(head - 2, 1).stream().map(OutboxEntry::sequence).toList());
		assertEquals(head, store.head(), "acknowledging never gives numbers back");
		store.claim(Fixtures.OFFICER, "D1");
		assertEquals(head + 1, store.head());
	}

	@Test
	void anEmptiedStoreIsANewLedgerWithAnEmptyOutboxNumberedFromOne() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.PRE_CHECKED)), "test");
		long head = store.head();
		assertTrue(head > 0);
		store.keepCheckpoint(new org.miaopi.core.sync.LedgerCheckpoint("psb-desk-1", head, "ab".repeat(32), new byte[] { 1 },
				new byte[] { 2 }, 1000));
		store.recordRefusal(new PushRefusal(head, "D1", "withdrawn at the hub", "WITHDRAWN", 1000));
		store.clear();
		assertEquals(0, store.head(), "the old ledger's rows went with it");
		assertEquals(List.of(), store.after(0, 10));
		assertTrue(store.latestCheckpoint().isEmpty(), "a checkpoint of the old ledger does not apply to the new one");
		assertEquals(List.of(), store.refusals());
		store.putDossiers(List.of(Fixtures.dossier("D2", "PSB", DossierStatus.PRE_CHECKED)), "test");
		OutboxEntry first = store.after(0, 10).get(0);
		assertEquals(1, first.sequence());
		assertTrue(first.payload().startsWith("{\"event\":{\"sequence\":1,"), first.payload());
		assertInstanceOf(org.miaopi.core.audit.Verification.Intact.class, store.verifyLedger(n -> {
		}));
	}

	@Test
	void refusalsAreKeptNewestFirstAndARefusalSentAgainReplacesItself() {
		store.recordRefusal(new PushRefusal(3, "D1", "withdrawn at the hub", "WITHDRAWN", 1000));
		store.recordRefusal(new PushRefusal(7, "D2", "reassigned", "held by psb-desk-2", 2000));
		store.recordRefusal(new PushRefusal(3, "D1", "withdrawn at the hub", "WITHDRAWN", 3000));
		assertEquals(List.of(3L, 7L), store.refusals().stream().map(PushRefusal::sequence).toList());
		assertEquals("held by psb-desk-2", store.refusals().get(1).hubState());
	}

	@Test
	void theMigrationStartsTheOutboxEmpty() throws SQLException {
		DeskStore fresh = DeskStore.open(tmp.resolve("fresh"), BootSecret.NONE);
		try {
			assertEquals(0, fresh.head());
			assertEquals(List.of(), fresh.after(0, 10));
			assertTrue(fresh.latestCheckpoint().isEmpty());
		} finally {
			fresh.close();
		}
	}

	private AuditEvent last() {
		List<AuditEvent> l = store.ledger();
		return l.get(l.size() - 1);
	}
}
