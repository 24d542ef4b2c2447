package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.SettleResult;
import org.miaopi.core.service.SettleResult.Outcome;
import org.miaopi.core.service.Settlement;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.TransitionRequest;

/** The 秒批 engine's side of the store: intake listing, bulk look-ups and batch settlement. */
class IntakeServiceTest extends SeededStoreTest {

	private DossierStatus status(String no) {
		return store.find(Officer.SYSTEM, no).orElseThrow().status();
	}

	static Decision autoApprove(String no) {
		return new Decision(no, DecisionKind.APPROVE, List.of(), null, Officer.SYSTEM_ID, Instant.now(), true, null,
				"GRAD-HUKOU-AUTO", "1", ContentHashing.sha256(no.getBytes()));
	}

	static ComparisonResult match(String field) {
		return new ComparisonResult("R1", field, "x", "x", ComparisonOutcome.MATCH, SharedSource.EDUCATION,
				Instant.parse("2026-01-01T00:00:00Z"), null);
	}

	static Settlement approve(String no) {
		return new Settlement(no, List.of(match("degree"), match("school")),
				List.of(TransitionRequest.move(no, DossierStatus.PRE_CHECKED), TransitionRequest.decide(autoApprove(no))));
	}

	static Settlement route(String no, String officer) {
		return new Settlement(no, List.of(match("degree")), List.of(TransitionRequest.move(no, DossierStatus.PRE_CHECKED),
				new TransitionRequest(no, DossierStatus.ASSIGNED, null, officer, Map.of("routing", "MISMATCH:degree"))));
	}

	@Test
	void receivedListsEveryDepartmentInNumberOrderAndPages() {
		store.putDossiers(List.of(Fixtures.dossier("R3", "MSB", DossierStatus.RECEIVED),
				Fixtures.dossier("R1", "PSB", DossierStatus.RECEIVED),
				Fixtures.dossier("R2", "PSB", DossierStatus.IN_REVIEW),
				Fixtures.dossier("R4", "PSB", DossierStatus.RECEIVED)), "test");
		assertEquals(List.of("R1", "R3"), numbers(store.received(Officer.SYSTEM, 2, null)));
		assertEquals(List.of("R4"), numbers(store.received(Officer.SYSTEM, 2, "R3")));
		assertTrue(store.received(Officer.SYSTEM, 2, "R4").isEmpty());
		assertThrows(IllegalArgumentException.class, () -> store.received(Officer.SYSTEM, 0, null));
	}

	/** The end of 秒批: what the policy approved waits for the system's certificate; an officer's approval does not. */
	@Test
	void theSystemListsWhatItApprovedWithNoOfficer() {
		store.putDossiers(List.of(Fixtures.dossier("R1", "PSB", DossierStatus.RECEIVED), Fixtures.dossier("R2", "PSB", DossierStatus.RECEIVED),
				Fixtures.dossier("R3", "PSB", DossierStatus.RECEIVED), Fixtures.dossier("R4", "PSB", DossierStatus.IN_REVIEW)), "test");
		store.settle(Officer.SYSTEM, List.of(approve("R3"), route("R2", Fixtures.OFFICER.id()), approve("R1")));
		store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.approve("R4", Fixtures.OFFICER)), TestSigner.of(Fixtures.OFFICER));
		assertEquals(DossierStatus.APPROVED, status("R4"));

		assertEquals(List.of("R1", "R3"), numbers(store.approvedWithoutOfficer(Officer.SYSTEM, 10)));
		assertEquals(List.of("R1"), numbers(store.approvedWithoutOfficer(Officer.SYSTEM, 1)));
		for (Officer o : List.of(Fixtures.OFFICER, Fixtures.SUPERVISOR)) {
			assertThrows(AccessDeniedException.class, () -> store.approvedWithoutOfficer(o, 10));
		}
		assertThrows(IllegalArgumentException.class, () -> store.approvedWithoutOfficer(Officer.SYSTEM, 0));
	}

	@Test
	void onlyTheSystemUsesTheIntake() {
		store.putDossiers(List.of(Fixtures.dossier("R1", "PSB", DossierStatus.RECEIVED)), "test");
		for (Officer o : List.of(Fixtures.OFFICER, Fixtures.SUPERVISOR)) {
			AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> store.received(o, 10, null));
			assertTrue(e.getMessage().contains(o.id()), e.getMessage());
			assertThrows(AccessDeniedException.class, () -> store.settle(o, List.of(approve("R1"))));
		}
		assertEquals(DossierStatus.RECEIVED, status("R1"));
		assertEquals(1, store.ledger().size());
	}

	@Test
	void sharedRecordsInBulkNewestFirstPerSubject() {
		String a = Fixtures.residentId(1).value();
		String b = Fixtures.residentId(2).value();
		String none = Fixtures.residentId(3).value();
		store.putSharedRecords(List.of(
				new SharedRecord(SharedSource.EDUCATION, a, Map.of("degree", "本科"), Instant.parse("2025-01-01T00:00:00Z")),
				new SharedRecord(SharedSource.SOCIAL_SECURITY, a, Map.of("months", "12"), Instant.parse("2026-03-01T00:00:00Z")),
				new SharedRecord(SharedSource.EDUCATION, b, Map.of("degree", "博士"), Instant.parse("2026-01-01T00:00:00Z"))));
		List<String> many = new ArrayList<>(List.of(a, b, none));
		for (int i = 0; i < 1200; i++) { // more than one IN-list chunk
			many.add("X" + i);
		}
		Map<String, List<SharedRecord>> by = store.sharedRecords(Officer.SYSTEM, many);
		assertEquals(many.size(), by.size());
		assertEquals(List.of(SharedSource.SOCIAL_SECURITY, SharedSource.EDUCATION),
				by.get(a).stream().map(SharedRecord::source).toList());
		assertEquals("博士", by.get(b).get(0).fields().get("degree"));
		assertTrue(by.get(none).isEmpty());
		assertEquals(store.sharedRecords(Officer.SYSTEM, a, null), by.get(a));
	}

	@Test
	void comparisonsInBulkReplaceThoseStoredAndLeaveOtherDossiersAlone() {
		store.putDossiers(List.of(Fixtures.dossier("A1", "PSB", DossierStatus.RECEIVED),
				Fixtures.dossier("A2", "MSB", DossierStatus.RECEIVED), Fixtures.dossier("A3", "PSB", DossierStatus.RECEIVED)),
				"test");
		store.putComparisons("A1", List.of(match("old-field")));
		store.putComparisons("A3", List.of(match("kept")));
		Map<String, List<ComparisonResult>> bulk = new java.util.LinkedHashMap<>();
		bulk.put("A1", List.of(match("degree"), match("school")));
		bulk.put("A2", List.of(match("age")));
		store.putComparisons(bulk);
		assertEquals(List.of("degree", "school"), fields("A1"), "the old results of A1 were replaced");
		assertEquals(List.of("age"), fields("A2"));
		assertEquals(List.of("kept"), fields("A3"), "a dossier not in the batch keeps its results");
	}

	private List<String> fields(String no) {
		return store.comparisons(Officer.SYSTEM, no).stream().map(ComparisonResult::field).sorted().toList();
	}

	@Test
	void aBatchSettlesWithAuditEventsDecisionsAndComparisons() {
		store.putDossiers(List.of(Fixtures.dossier("A1", "PSB", DossierStatus.RECEIVED),
				Fixtures.dossier("A2", "MSB", DossierStatus.RECEIVED)), "test");
		store.putComparisons("A1", List.of(match("old-field")));
		List<SettleResult> results = store.settle(Officer.SYSTEM,
				List.of(approve("A1"), route("A2", Fixtures.OTHER.id())));
		assertEquals(List.of(new SettleResult("A1", Outcome.SETTLED, DossierStatus.APPROVED, null),
				new SettleResult("A2", Outcome.SETTLED, DossierStatus.ASSIGNED, null)), results);
		assertEquals(DossierStatus.APPROVED, status("A1"));
		assertEquals(List.of("dossier.imported", "dossier.pre-checked", "dossier.auto-approved"),
				types(store.history(Officer.SYSTEM, "A1")));
		assertEquals(List.of("degree", "school"),
				store.comparisons(Officer.SYSTEM, "A1").stream().map(ComparisonResult::field).toList(),
				"the stored comparison results were replaced");
		Decision d = store.decisions(Officer.SYSTEM, "A1").get(0);
		assertTrue(d.automatic());
		assertEquals("GRAD-HUKOU-AUTO", d.policyId());

		// the queue's text filter sees the settled status (search keys kept by the batch)
		assertEquals(List.of("A1"), store.queue(Fixtures.OFFICER, new org.miaopi.core.service.QueueQuery(
				java.util.Set.of(DossierStatus.APPROVED), null, "a1", 0)).rows().stream().map(Dossier::number).toList());
		assertTrue(store.queue(Fixtures.OTHER, new org.miaopi.core.service.QueueQuery(
				java.util.Set.of(DossierStatus.RECEIVED), null, "a2", 0)).rows().isEmpty());
		assertEquals(1, store.queue(Fixtures.OTHER, new org.miaopi.core.service.QueueQuery(
				java.util.Set.of(DossierStatus.ASSIGNED), null, "a2", 0)).rows().size());
		Dossier a2 = store.find(Fixtures.OTHER, "A2").orElseThrow();
		assertEquals(Fixtures.OTHER.id(), a2.assignedOfficerId());
		AuditEvent assigned = store.history(Fixtures.OTHER, "A2").get(2);
		assertEquals("dossier.assigned", assigned.type());
		assertEquals("MISMATCH:degree", assigned.details().get("routing"));
		assertEquals(Officer.SYSTEM_ID, assigned.actor());
		assertInstanceOf(Verification.Intact.class, AuditChain.verify(store.ledger()));
	}

	@Test
	void aReRunBatchNeverDecidesTwice() {
		store.putDossiers(List.of(Fixtures.dossier("A1", "PSB", DossierStatus.RECEIVED),
				Fixtures.dossier("A2", "PSB", DossierStatus.RECEIVED)), "test");
		store.settle(Officer.SYSTEM, List.of(approve("A1")));
		int events = store.ledger().size();
		List<SettleResult> again = store.settle(Officer.SYSTEM, List.of(approve("A1"), approve("A2"), approve("A2")));
		assertEquals(Outcome.SKIPPED, again.get(0).outcome());
		assertEquals(DossierStatus.APPROVED, again.get(0).status());
		assertTrue(again.get(0).message().contains("no longer RECEIVED"), again.get(0).message());
		assertEquals(Outcome.SETTLED, again.get(1).outcome());
		assertEquals(Outcome.SKIPPED, again.get(2).outcome(), "the same dossier twice in one batch");
		assertEquals(events + 2, store.ledger().size());
		assertEquals(1, store.decisions(Officer.SYSTEM, "A1").size());
		assertEquals(1, store.decisions(Officer.SYSTEM, "A2").size());
	}

	@Test
	void aBadDossierFailsAloneAndTheRestOfTheBatchCommits() {
		store.putDossiers(List.of(Fixtures.dossier("A1", "PSB", DossierStatus.RECEIVED),
				Fixtures.dossier("BAD", "PSB", DossierStatus.RECEIVED),
				Fixtures.dossier("A3", "PSB", DossierStatus.RECEIVED)), "test");
		// RECEIVED → APPROVED skips the pre-check: illegal
		Settlement illegal = new Settlement("BAD", List.of(match("degree")),
				List.of(TransitionRequest.decide(autoApprove("BAD"))));
		List<SettleResult> r = store.settle(Officer.SYSTEM,
				List.of(approve("A1"), illegal, approve("A3"), approve("NOPE")));
		assertEquals(Outcome.SETTLED, r.get(0).outcome());
		assertEquals(Outcome.FAILED, r.get(1).outcome());
		assertEquals(DossierStatus.RECEIVED, r.get(1).status());
		assertTrue(r.get(1).message().contains("RECEIVED"), r.get(1).message());
		assertEquals(Outcome.SETTLED, r.get(2).outcome());
		assertEquals(Outcome.FAILED, r.get(3).outcome());
		assertNull(r.get(3).status());
		assertEquals(DossierStatus.RECEIVED, status("BAD"));
		assertEquals(1, store.history(Officer.SYSTEM, "BAD").size());
		assertTrue(store.comparisons(Officer.SYSTEM, "BAD").isEmpty());
		assertEquals(DossierStatus.APPROVED, status("A3"));
		assertInstanceOf(Verification.Intact.class, AuditChain.verify(store.ledger()));
	}

	@Test
	void aFailedStepLaterInTheChainLeavesTheFirstStepUnapplied() {
		store.putDossiers(List.of(Fixtures.dossier("A1", "PSB", DossierStatus.RECEIVED)), "test");
		// PRE_CHECKED is legal, but APPROVED without its decision is not
		Settlement s = new Settlement("A1", List.of(), List.of(TransitionRequest.move("A1", DossierStatus.PRE_CHECKED),
				TransitionRequest.move("A1", DossierStatus.APPROVED)));
		SettleResult r = store.settle(Officer.SYSTEM, List.of(s)).get(0);
		assertEquals(Outcome.FAILED, r.outcome());
		assertTrue(r.message().contains("needs the decision"), r.message());
		assertEquals(DossierStatus.RECEIVED, status("A1"));
		assertEquals(1, store.ledger().size());
	}

	@Test
	void aStoreFailureCommitsNothingOfTheBatch() {
		store.putDossiers(List.of(Fixtures.dossier("A1", "PSB", DossierStatus.RECEIVED),
				Fixtures.dossier("A2", "PSB", DossierStatus.RECEIVED)), "test");
		store.beforeCommit = () -> {
			throw new jakarta.persistence.PersistenceException(new java.sql.SQLException("No space left on device", "XSDG1"));
		};
		assertThrows(StoreException.class, () -> store.settle(Officer.SYSTEM, List.of(approve("A1"), approve("A2"))));
		store.beforeCommit = () -> {
		};
		assertEquals(DossierStatus.RECEIVED, status("A1"));
		assertEquals(DossierStatus.RECEIVED, status("A2"));
		assertEquals(2, store.ledger().size());
		// and the re-run settles both, with the ledger continuing without a gap
		store.settle(Officer.SYSTEM, List.of(approve("A1"), approve("A2")));
		assertEquals(DossierStatus.APPROVED, status("A2"));
		assertInstanceOf(Verification.Intact.class, AuditChain.verify(store.ledger()));
	}

	@Test
	void theSystemRoutesOnlyToAnOfficerOfTheDossiersDepartment() {
		store.putDossiers(List.of(Fixtures.dossier("A1", "PSB", DossierStatus.RECEIVED)), "test");
		SettleResult r = store.settle(Officer.SYSTEM, List.of(route("A1", Fixtures.OTHER.id()))).get(0);
		assertEquals(Outcome.FAILED, r.outcome());
		assertTrue(r.message().contains("works for MSB"), r.message());
		SettleResult none = store.settle(Officer.SYSTEM, List.of(route("A1", null))).get(0);
		assertTrue(none.message().contains("must name the officer"), none.message());
		assertEquals(DossierStatus.RECEIVED, status("A1"));
		assertEquals(Outcome.SETTLED, store.settle(Officer.SYSTEM, List.of(route("A1", Fixtures.OFFICER.id()))).get(0).outcome());
	}

	private static List<String> numbers(List<Dossier> ds) {
		return ds.stream().map(Dossier::number).toList();
	}

	private static List<String> types(List<AuditEvent> es) {
		return es.stream().map(AuditEvent::type).toList();
	}
}
