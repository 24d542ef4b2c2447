package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.sync.LedgerCheckpoint;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;
import org.miaopi.seal.Seal;

/**
 * audit verify against the hub's latest checkpoint: a ledger rewritten with its whole chain
 * recomputed passes the chain check, but no longer holds the head the hub signed.
 */
class LedgerWitnessTest extends SeededStoreTest {

	private Seal hub;

	@BeforeEach
	void putTheDossiersAndAHubKey() {
		List<Dossier> dossiers = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			dossiers.add(Fixtures.dossier(String.format("D%03d", i), "PSB", DossierStatus.PRE_CHECKED));
		}
		store.putDossiers(dossiers, "test");
		hub = new FileSealService(tmp.resolve("hub-seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC()).ensureSeal("HUB",
				"枢纽");
	}

	@Test
	void aLedgerThatStillHoldsTheSignedHeadIsIntactAndTheLatestCheckpointWins() throws Exception {
		store.keepCheckpoint(checkpoint(4));
		store.keepCheckpoint(checkpoint(6));
		store.keepCheckpoint(checkpoint(5)); // an older one (a hub restored from a backup) does not replace it
		assertEquals(6, store.latestCheckpoint().orElseThrow().sequence());
		store.acknowledge(6);
		store.claim(Fixtures.OFFICER, "D001"); // events after the checkpoint are the chain's to check
		assertInstanceOf(Verification.Intact.class, LedgerCheck.run(store, null, n -> {
		}));
	}

	@Test
	void aRowRewrittenUnderTheCheckpointWithItsChainRecomputedIsFound() throws Exception {
		store.keepCheckpoint(checkpoint(5));
		store.acknowledge(5);
		rewriteActorAndRechain(2, "someone.else");
		assertInstanceOf(Verification.Intact.class, AuditChain.verify(store.ledger()), "the chain alone cannot tell");
		Verification.Broken b = assertInstanceOf(Verification.Broken.class, LedgerCheck.run(store, null, n -> {
		}));
		assertEquals(Verification.Reason.CHECKPOINT_MISMATCH, b.reason());
		assertEquals(5, b.sequence());
		assertTrue(b.message().contains("rewritten after the hub witnessed it"), b.message());
	}

	@Test
	void aCheckpointKeptAfterItsRowWasForgottenIsFoundByItsHash() throws Exception {
		LedgerCheckpoint cp = checkpoint(3);
		store.acknowledge(6);
		store.keepCheckpoint(cp);
		rewriteActorAndRechain(1, "someone.else");
		Verification.Broken b = assertInstanceOf(Verification.Broken.class, LedgerCheck.run(store, null, n -> {
		}));
		assertEquals(Verification.Reason.CHECKPOINT_MISMATCH, b.reason());
		assertEquals(3, b.sequence());
	}

	@Test
	void aCheckpointWhoseSignatureDoesNotHoldIsReported() throws Exception {
		LedgerCheckpoint good = checkpoint(4);
		byte[] forged = good.signature().clone();
		forged[forged.length - 1] ^= 1;
		store.keepCheckpoint(new LedgerCheckpoint(good.desk(), good.sequence(), good.headHash(), forged, good.hubCertificate(),
				good.signedAtMillis()));
		Verification.Broken b = assertInstanceOf(Verification.Broken.class, LedgerCheck.run(store, null, n -> {
		}));
		assertEquals(Verification.Reason.CHECKPOINT_MISMATCH, b.reason());
		assertTrue(b.message().contains("does not verify"), b.message());
	}

	/** What the hub signs for outbox sequence {@code seq}: the head hash of the event that row carried. */
	private LedgerCheckpoint checkpoint(long seq) throws GeneralSecurityException {
		long auditSeq = store.after(seq - 1, 1).get(0).sequence() == seq ? auditSeqOf(seq) : -1;
		String head = store.ledger().get((int) auditSeq - 1).hash().hex();
		Signature s = Signature.getInstance("SHA256withECDSA");
		s.initSign(hub.key());
		s.update(LedgerWitness.signedText("psb-desk-1", seq, head));
		return new LedgerCheckpoint("psb-desk-1", seq, head, s.sign(), hub.certificate().getEncoded(), System.currentTimeMillis());
	}

	/** Every event here has an outbox row, one for one, from the start of the ledger. */
	private long auditSeqOf(long outboxSeq) {
		String payload = store.after(outboxSeq - 1, 1).get(0).payload();
		String n = payload.substring("{\"event\":{\"sequence\":".length(), payload.indexOf(','));
		return Long.parseLong(n);
	}

	/** A forger's rewrite: one event's actor changed and every later hash recomputed, so the chain still links. */
	private void rewriteActorAndRechain(long sequence, String actor) throws SQLException {
		List<AuditEvent> ledger = store.ledger();
		AuditEvent prev = sequence == 1 ? null : ledger.get((int) sequence - 2);
		try (Connection c = store.connect();
				PreparedStatement ps = c.prepareStatement("UPDATE AUDIT_EVENT SET ACTOR = ?, PREV_HASH = ?, HASH = ? WHERE SEQ = ?")) {
			for (AuditEvent e : ledger.subList((int) sequence - 1, ledger.size())) {
				AuditEvent forged = AuditChain.next(prev, e.time(), e.sequence() == sequence ? actor : e.actor(), e.dossierNo(),
						e.type(), e.details());
				ps.setString(1, forged.actor());
				ps.setString(2, forged.prevHash().hex());
				ps.setString(3, forged.hash().hex());
				ps.setLong(4, forged.sequence());
				assertEquals(1, ps.executeUpdate());
				prev = forged;
			}
		}
	}
}
