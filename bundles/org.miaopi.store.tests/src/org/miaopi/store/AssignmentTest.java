package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.lifecycle.IllegalTransitionException;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.AccessDeniedException.Rule;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.TransitionRequest;

/**
 * Assignment is real: an officer claims an unassigned dossier, hands it back, a supervisor gives it
 * to an officer of the department; only the holder moves or decides it. Each is one audit event,
 * written with the change; a second click records nothing.
 */
class AssignmentTest extends SeededStoreTest {

	private Dossier find(String no) {
		return store.find(Officer.SYSTEM, no).orElseThrow();
	}

	private List<String> events(String no) {
		return store.history(Officer.SYSTEM, no).stream().map(AuditEvent::type).toList();
	}

	private AuditEvent last(String no) {
		List<AuditEvent> h = store.history(Officer.SYSTEM, no);
		return h.get(h.size() - 1);
	}

	private static Decision approve(String no, Officer by) {
		return Fixtures.approve(no, by);
	}

	@Test
	void anOfficerClaimsReviewsAndDecidesAnUnassignedDossier() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.PRE_CHECKED)), "test");
		Dossier claimed = store.claim(Fixtures.OFFICER2, "D1");
		assertEquals(DossierStatus.ASSIGNED, claimed.status());
		assertEquals(Fixtures.OFFICER2.id(), claimed.assignedOfficerId());
		assertEquals(Fixtures.OFFICER2.id(), find("D1").assignedOfficerId());
		AuditEvent e = last("D1");
		assertEquals(DossierService.CLAIMED_EVENT, e.type());
		assertEquals(Fixtures.OFFICER2.id(), e.actor());
		assertEquals("PRE_CHECKED", e.details().get("from"));
		assertEquals(Fixtures.OFFICER2.id(), e.details().get("assignee"));

		store.transition(Fixtures.OFFICER2, TransitionRequest.move("D1", DossierStatus.IN_REVIEW));
		assertEquals(DossierStatus.APPROVED,
				store.transition(Fixtures.OFFICER2, TransitionRequest.decide(approve("D1", Fixtures.OFFICER2)), TestSigner.of(Fixtures.OFFICER2)).status());
		assertInstanceOf(Verification.Intact.class, AuditChain.verify(store.ledger()));
	}

	@Test
	void aColleagueCannotMoveOrDecideADossierSomeoneElseHolds() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.ASSIGNED),
				Fixtures.dossier("D2", "PSB", DossierStatus.IN_REVIEW),
				Fixtures.dossier("D3", "PSB", DossierStatus.SUPPLEMENT_REQUESTED)), "test");
		// li.na holds all three; zhao.lei works in the same department
		AccessDeniedException start = assertThrows(AccessDeniedException.class,
				() -> store.transition(Fixtures.OFFICER2, TransitionRequest.move("D1", DossierStatus.IN_REVIEW)));
		assertEquals(Rule.NOT_HOLDER, start.rule());
		assertTrue(start.getMessage().contains("held by li.na"), start.getMessage());
		AccessDeniedException decide = assertThrows(AccessDeniedException.class,
				() -> store.transition(Fixtures.OFFICER2, TransitionRequest.decide(approve("D2", Fixtures.OFFICER2)), TestSigner.of(Fixtures.OFFICER2)));
		assertEquals(Rule.NOT_HOLDER, decide.rule());
		assertEquals(Rule.NOT_HOLDER, assertThrows(AccessDeniedException.class,
				() -> store.transition(Fixtures.OFFICER2, TransitionRequest.move("D3", DossierStatus.IN_REVIEW))).rule());
		assertEquals(Rule.NOT_HOLDER, assertThrows(AccessDeniedException.class,
				() -> store.transition(Fixtures.OFFICER2, TransitionRequest.move("D2", DossierStatus.PRE_CHECKED))).rule());
		for (String no : List.of("D1", "D2", "D3")) {
			assertEquals(Fixtures.OFFICER.id(), find(no).assignedOfficerId());
			assertEquals(List.of("dossier.imported"), events(no), "nothing recorded for " + no);
		}
		assertTrue(store.decisions(Officer.SYSTEM, "D2").isEmpty());
		// the holder can
		assertEquals(DossierStatus.APPROVED,
				store.transition(Fixtures.OFFICER, TransitionRequest.decide(approve("D2", Fixtures.OFFICER)), TestSigner.of(Fixtures.OFFICER)).status());
	}

	@Test
	void claimingTwiceRecordsOnceAndAHeldDossierCannotBeClaimed() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.PRE_CHECKED)), "test");
		store.claim(Fixtures.OFFICER, "D1");
		Dossier again = store.claim(Fixtures.OFFICER, "D1");
		assertEquals(Fixtures.OFFICER.id(), again.assignedOfficerId());
		assertEquals(List.of("dossier.imported", DossierService.CLAIMED_EVENT), events("D1"), "a second click records nothing");
		AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> store.claim(Fixtures.OFFICER2, "D1"));
		assertEquals(Rule.NOT_HOLDER, e.rule());
		assertTrue(e.getMessage().contains("already held by li.na"), e.getMessage());
		assertEquals(Fixtures.OFFICER.id(), find("D1").assignedOfficerId());
	}

	@Test
	void claimingIsForOfficersOfTheDossiersDepartmentAndOnlyOnceCompared() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.PRE_CHECKED),
				Fixtures.dossier("R1", "PSB", DossierStatus.RECEIVED), Fixtures.dossier("A1", "PSB", DossierStatus.APPROVED)),
				"test");
		assertEquals(Rule.OTHER_DEPARTMENT, assertThrows(AccessDeniedException.class, () -> store.claim(Fixtures.OTHER, "D1")).rule());
		assertEquals(Rule.READ_ONLY_ROLE, assertThrows(AccessDeniedException.class, () -> store.claim(Fixtures.SUPERVISOR, "D1")).rule());
		assertEquals(Rule.NO_ROLE, assertThrows(AccessDeniedException.class, () -> store.claim(Fixtures.ADMIN, "D1")).rule());
		// received dossiers are the 秒批 engine's to compare and decide first; decided ones keep their reviewer
		assertThrows(IllegalTransitionException.class, () -> store.claim(Fixtures.OFFICER, "R1"));
		assertThrows(IllegalTransitionException.class, () -> store.claim(Fixtures.OFFICER, "A1"));
		assertNull(find("D1").assignedOfficerId());
		assertEquals(List.of("dossier.imported"), events("D1"));
	}

	@Test
	void theHolderHandsBackAndTheDossierIsClaimableAgain() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.IN_REVIEW),
				Fixtures.dossier("S1", "PSB", DossierStatus.SUPPLEMENT_REQUESTED)), "test");
		AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> store.handBack(Fixtures.OFFICER2, "D1"));
		assertEquals(Rule.NOT_HOLDER, e.rule());
		assertEquals(Rule.READ_ONLY_ROLE, assertThrows(AccessDeniedException.class, () -> store.handBack(Fixtures.SUPERVISOR, "D1")).rule());
		assertEquals(List.of("dossier.imported"), events("D1"));

		Dossier back = store.handBack(Fixtures.OFFICER, "D1");
		assertEquals(DossierStatus.PRE_CHECKED, back.status());
		assertNull(back.assignedOfficerId());
		assertNull(find("D1").assignedOfficerId());
		AuditEvent event = last("D1");
		assertEquals(DossierService.HANDED_BACK_EVENT, event.type());
		assertEquals(Fixtures.OFFICER.id(), event.details().get("previous"));
		// a second click finds nobody holding it: nothing more is recorded
		store.handBack(Fixtures.OFFICER, "D1");
		assertEquals(2, events("D1").size());
		assertEquals(Fixtures.OFFICER2.id(), store.claim(Fixtures.OFFICER2, "D1").assignedOfficerId());

		// waiting for a supplement, it stays so, held by nobody until claimed
		Dossier waiting = store.handBack(Fixtures.OFFICER, "S1");
		assertEquals(DossierStatus.SUPPLEMENT_REQUESTED, waiting.status());
		assertNull(waiting.assignedOfficerId());
		assertEquals(Rule.NOT_HOLDER, assertThrows(AccessDeniedException.class,
				() -> store.transition(Fixtures.OFFICER, TransitionRequest.move("S1", DossierStatus.IN_REVIEW))).rule());
		store.claim(Fixtures.OFFICER2, "S1");
		assertEquals(DossierStatus.IN_REVIEW,
				store.transition(Fixtures.OFFICER2, TransitionRequest.move("S1", DossierStatus.IN_REVIEW)).status());
		assertInstanceOf(Verification.Intact.class, AuditChain.verify(store.ledger()));
	}

	@Test
	void aSupervisorReassignsWithinTheDepartmentOnly() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.IN_REVIEW),
				Fixtures.dossier("U1", "PSB", DossierStatus.PRE_CHECKED), Fixtures.dossier("M1", "MSB", DossierStatus.IN_REVIEW)),
				"test");
		Dossier moved = store.reassign(Fixtures.SUPERVISOR, "D1", Fixtures.OFFICER2.id());
		assertEquals(DossierStatus.IN_REVIEW, moved.status(), "the review goes on with its new holder");
		assertEquals(Fixtures.OFFICER2.id(), find("D1").assignedOfficerId());
		AuditEvent e = last("D1");
		assertEquals(DossierService.REASSIGNED_EVENT, e.type());
		assertEquals(Fixtures.SUPERVISOR.id(), e.actor());
		assertEquals(Fixtures.OFFICER.id(), e.details().get("previous"));
		assertEquals(Fixtures.OFFICER2.id(), e.details().get("assignee"));
		// the former holder has lost it; the new one decides
		assertEquals(Rule.NOT_HOLDER, assertThrows(AccessDeniedException.class,
				() -> store.transition(Fixtures.OFFICER, TransitionRequest.decide(approve("D1", Fixtures.OFFICER)), TestSigner.of(Fixtures.OFFICER))).rule());
		store.transition(Fixtures.OFFICER2, TransitionRequest.decide(approve("D1", Fixtures.OFFICER2)), TestSigner.of(Fixtures.OFFICER2));

		assertEquals(DossierStatus.ASSIGNED, store.reassign(Fixtures.SUPERVISOR, "U1", Fixtures.OFFICER.id()).status());
		store.reassign(Fixtures.SUPERVISOR, "U1", Fixtures.OFFICER.id());
		assertEquals(2, events("U1").size(), "giving it to its holder again records nothing");

		assertEquals(Rule.NO_ROLE, assertThrows(AccessDeniedException.class,
				() -> store.reassign(Fixtures.OFFICER, "U1", Fixtures.OFFICER2.id())).rule(), "officers only claim");
		assertEquals(Rule.OTHER_DEPARTMENT, assertThrows(AccessDeniedException.class,
				() -> store.reassign(Fixtures.SUPERVISOR, "M1", Fixtures.OFFICER.id())).rule());
		assertEquals(Rule.NO_ROLE, assertThrows(AccessDeniedException.class,
				() -> store.reassign(Fixtures.ADMIN, "U1", Fixtures.OFFICER2.id())).rule());
		assertEquals(Fixtures.OTHER.id(), find("M1").assignedOfficerId());
		assertEquals(Fixtures.OFFICER.id(), find("U1").assignedOfficerId());
	}

	@Test
	void theInstantApprovalSystemStillDecidesUnassignedDossiers() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.PRE_CHECKED)), "test");
		Decision auto = new Decision("D1", DecisionKind.APPROVE, List.of(), null, Officer.SYSTEM_ID, Instant.now(), true, null,
				"POLICY", "1", org.miaopi.core.content.ContentHashing.sha256(new byte[] { 1 }));
		assertEquals(DossierStatus.APPROVED, store.transition(Officer.SYSTEM, TransitionRequest.decide(auto)).status());
	}

	@Test
	void anOfficerDecidesNothingTheyHaveNotClaimed() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.PRE_CHECKED)), "test");
		Decision supplement = Fixtures.supplement("D1", Fixtures.OFFICER);
		AccessDeniedException e = assertThrows(AccessDeniedException.class,
				() -> store.transition(Fixtures.OFFICER, TransitionRequest.decide(supplement), TestSigner.of(Fixtures.OFFICER)));
		assertEquals(Rule.NOT_HOLDER, e.rule());
		assertTrue(e.getMessage().contains("claim it first"), e.getMessage());
		assertEquals(DossierStatus.PRE_CHECKED, find("D1").status());
	}
}
