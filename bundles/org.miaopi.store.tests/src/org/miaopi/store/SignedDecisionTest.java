package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.LedgerRecords;
import org.miaopi.core.audit.SignedDecision;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.TransitionRequest;

/** Every officer's decision is signed by the officer's own key as the store records it; none goes unsigned. */
class SignedDecisionTest extends SeededStoreTest {

	@BeforeEach
	void putADossierInReview() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.IN_REVIEW)), "test");
	}

	@Test
	void anOfficersDecisionWithoutTheOfficersKeyIsRefusedAndNothingIsWritten() {
		int before = store.ledger().size();
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.approve("D1", Fixtures.OFFICER))));
		assertTrue(e.getMessage().contains("not signed"), e.getMessage());
		assertEquals(DossierStatus.IN_REVIEW, store.find(Fixtures.OFFICER, "D1").orElseThrow().status());
		assertEquals(before, store.ledger().size());
		assertTrue(store.decisions(Fixtures.OFFICER, "D1").isEmpty());
	}

	@Test
	void aColleaguesKeyCannotSignTheDecision() {
		assertThrows(AccessDeniedException.class, () -> store.transition(Fixtures.OFFICER,
				TransitionRequest.decide(Fixtures.approve("D1", Fixtures.OFFICER)), TestSigner.of(Fixtures.OFFICER2)));
		assertEquals(DossierStatus.IN_REVIEW, store.find(Fixtures.OFFICER, "D1").orElseThrow().status());
	}

	@Test
	void theSignatureIsOverTheCanonicalRecordAndKeptWithTheDecision() {
		store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.supplement("D1", Fixtures.OFFICER)),
				TestSigner.of(Fixtures.OFFICER));
		List<SignedDecision> signed = store.signedDecisions(Fixtures.OFFICER, "D1");
		assertEquals(1, signed.size());
		SignedDecision d = signed.get(0);
		assertTrue(d.signed());
		assertEquals("Ed25519", d.algorithm());
		assertArrayEquals(TestSigner.of(Fixtures.OFFICER).certificate(), d.certificate());
		AuditEvent event = store.history(Fixtures.OFFICER, "D1").stream().filter(e -> e.sequence() == d.event()).findFirst()
				.orElseThrow();
		assertEquals("dossier.supplement-requested", event.type());
		assertEquals(LedgerRecords.decisionDigest(d.event(), d.decision()).hex(), event.details().get(LedgerRecords.DECISION_DIGEST));
		assertTrue(TestSigner.VERIFIER.verify(d.algorithm(), LedgerRecords.decision(d.event(), d.decision()), d.signature(),
				d.certificate(), "li.na", d.decision().time().toEpochMilli()).valid());
		assertFalse(TestSigner.VERIFIER.verify(d.algorithm(), LedgerRecords.decision(d.event() + 1, d.decision()), d.signature(),
				d.certificate(), "li.na", d.decision().time().toEpochMilli()).valid(), "bound to its event");
	}
}
