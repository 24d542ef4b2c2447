package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.supervision.Card;
import org.miaopi.core.supervision.CardLevel;
import org.miaopi.core.supervision.CaseQuery;
import org.miaopi.core.supervision.CaseRecord;
import org.miaopi.core.supervision.DecisionQuery;
import org.miaopi.core.supervision.DecisionRecord;
import org.miaopi.core.supervision.Review;
import org.miaopi.core.supervision.ReviewOutcome;
import org.miaopi.core.supervision.Sample;
import org.miaopi.core.supervision.SupervisionRecords;

/**
 * Supervision on the desk's store: a department supervisor reads and writes their department only, a
 * city supervisor every department, an officer nothing; a card is stored once however often it is
 * recorded; samples and reviews are kept, and every action is in the ledger.
 */
class SupervisionBookTest extends SeededStoreTest {

	static final Officer CITY = new Officer("city.supervisor", "林监察", "JCJ",
			EnumSet.of(Role.SUPERVISOR, Role.CITY_SUPERVISOR));
	static final Officer MSB_SUPERVISOR = new Officer("msb.supervisor", "周明", "MSB", EnumSet.of(Role.SUPERVISOR));
	static final LocalDate DAY = LocalDate.of(2026, 11, 23);

	@BeforeEach
	void dossiersOfTwoDepartments() {
		store.putOfficers(List.of(CITY, MSB_SUPERVISOR), Map.of());
		store.putDossiers(List.of(Fixtures.dossier("P1", "PSB", DossierStatus.IN_REVIEW),
				Fixtures.dossier("P2", "PSB", DossierStatus.REJECTED), Fixtures.dossier("M1", "MSB", DossierStatus.IN_REVIEW)),
				"test");
		Instant t = Instant.parse("2026-11-20T03:00:00Z");
		store.putDecisions(List.of(new Decision("P2", DecisionKind.REJECT, List.of("NOT_ELIGIBLE"), "户口登记条例 第十条",
				Fixtures.OFFICER.id(), t, false, null, null, null, null)), "test");
	}

	private static Card card(String no, String dept, String rule) {
		return new Card(CardLevel.YELLOW, rule, no, dept, "GRAD-HUKOU", Fixtures.OFFICER.id(), "case", DAY,
				"used 6 of 5 working days", null);
	}

	@Test
	void aDepartmentSupervisorReadsTheirDepartmentTheCitySupervisorAllAnOfficerNothing() {
		assertEquals(List.of("P1", "P2"), store.cases(Fixtures.SUPERVISOR, new CaseQuery(null, false, DAY.minusMonths(1), DAY))
				.stream().map(CaseRecord::number).toList());
		assertEquals(List.of("M1", "P1", "P2"), store.cases(CITY, new CaseQuery(null, false, DAY.minusMonths(1), DAY))
				.stream().map(CaseRecord::number).toList());
		assertEquals(List.of("M1"), store.cases(CITY, CaseQuery.open("MSB")).stream().map(CaseRecord::number).toList());
		assertEquals(AccessDeniedException.Rule.OTHER_DEPARTMENT, assertThrows(AccessDeniedException.class,
				() -> store.cases(Fixtures.SUPERVISOR, CaseQuery.open("MSB"))).rule());
		for (Officer nobody : List.of(Fixtures.OFFICER, Fixtures.ADMIN, Officer.SYSTEM)) {
			assertEquals(AccessDeniedException.Rule.NO_ROLE, assertThrows(AccessDeniedException.class,
					() -> store.cases(nobody, CaseQuery.open(null))).rule(), nobody.id());
			assertThrows(AccessDeniedException.class, () -> store.cards(nobody, null, DAY, DAY), nobody.id());
			assertThrows(AccessDeniedException.class, () -> store.samples(nobody), nobody.id());
		}
	}

	@Test
	void aPeriodsDecisionsCarryTheirDepartmentAndMatter() {
		List<DecisionRecord> d = store.decisions(Fixtures.SUPERVISOR, null, DAY.minusDays(5), DAY);
		assertEquals(1, d.size());
		assertEquals("PSB", d.get(0).departmentCode());
		assertEquals(List.of("NOT_ELIGIBLE"), d.get(0).reasonCodes());
		assertEquals(List.of(), store.decisions(MSB_SUPERVISOR, null, DAY.minusDays(5), DAY));
		assertEquals(List.of(), store.decisions(Fixtures.SUPERVISOR, null, DAY.minusDays(1), DAY), "before the period");
	}

	@Test
	void aCardIsStoredOnceHoweverOftenItIsRecorded() {
		long events = store.ledger().size();
		List<Card> first = store.recordCards(Fixtures.SUPERVISOR, List.of(card("P1", "PSB", "CASE_OVERDUE"),
				card("P1", "PSB", "CASE_OVERDUE")));
		assertEquals(1, first.size(), "the same key twice in one run is one card");
		assertTrue(first.get(0).recorded() != null);
		assertEquals(List.of(), store.recordCards(CITY, List.of(card("P1", "PSB", "CASE_OVERDUE"))),
				"a second run finds it there, whoever runs it");
		assertEquals(1, store.cards(CITY, null, DAY, DAY).size());
		List<AuditEvent> ledger = store.ledger();
		assertEquals(events + 2, ledger.size(), "each run is one audit event, new cards or not");
		assertEquals(SupervisionRecords.CARDS_EVENT, ledger.get(ledger.size() - 1).type());
		assertEquals("0", ledger.get(ledger.size() - 1).details().get("new"));
		assertTrue(store.verifyLedger(n -> {
		}).isIntact());
	}

	@Test
	void aDepartmentSupervisorCannotRecordOrReadCardsOfAnotherDepartment() {
		assertThrows(AccessDeniedException.class,
				() -> store.recordCards(Fixtures.SUPERVISOR, List.of(card("M1", "MSB", "CASE_OVERDUE"))));
		store.recordCards(MSB_SUPERVISOR, List.of(card("M1", "MSB", "CASE_OVERDUE")));
		store.recordCards(Fixtures.SUPERVISOR, List.of(card("P1", "PSB", "CASE_OVERDUE")));
		assertEquals(List.of("P1"), store.cards(Fixtures.SUPERVISOR, null, DAY, DAY).stream().map(Card::dossierNo).toList());
		assertEquals(List.of("M1", "P1"), store.cards(CITY, null, DAY, DAY).stream().map(Card::dossierNo).toList());
	}

	@Test
	void aSampleKeepsItsSeedAndDossiersAndReviewsAreListedAndInTheLedger() {
		Sample s = store.recordSample(Fixtures.SUPERVISOR, new Sample(0, 42L, 10, "officer", DAY.minusDays(30), DAY, "PSB",
				Fixtures.SUPERVISOR.id(), null, List.of("P2")));
		assertEquals(1, s.id());
		AuditEvent sampled = store.ledger().get(store.ledger().size() - 1);
		assertEquals(SupervisionRecords.SAMPLED_EVENT, sampled.type());
		assertEquals("42", sampled.details().get("seed"));
		assertEquals("P2", sampled.details().get("dossiers"));
		assertEquals(List.of(), store.samples(MSB_SUPERVISOR), "another department's sample is not theirs");
		assertEquals(1, store.samples(CITY).size());
		Review waiting = store.reviews(Fixtures.SUPERVISOR, 1).get(0);
		assertNull(waiting.outcome(), "not reviewed yet");
		store.review(Fixtures.SUPERVISOR, 1, "P2", ReviewOutcome.DISAGREE, "理由不充分");
		Review r = store.reviews(CITY, 1).get(0);
		assertEquals(ReviewOutcome.DISAGREE, r.outcome());
		assertEquals("理由不充分", r.note());
		assertEquals(Fixtures.SUPERVISOR.id(), r.reviewerId());
		AuditEvent reviewed = store.ledger().get(store.ledger().size() - 1);
		assertEquals(SupervisionRecords.REVIEWED_EVENT, reviewed.type());
		assertEquals("P2", reviewed.dossierNo());
		assertThrows(IllegalArgumentException.class,
				() -> store.review(Fixtures.SUPERVISOR, 1, "P1", ReviewOutcome.AGREE, null), "not in the sample");
		assertThrows(IllegalArgumentException.class,
				() -> store.review(MSB_SUPERVISOR, 1, "P2", ReviewOutcome.AGREE, null), "a sample they cannot see");
		assertThrows(AccessDeniedException.class, () -> store.recordSample(Fixtures.SUPERVISOR, new Sample(0, 1L, 10,
				"officer", DAY, DAY, null, Fixtures.SUPERVISOR.id(), null, List.of())), "a city-wide sample needs a city supervisor");
	}

	@Test
	void anExportIsAnAuditEventAndOnlyASupervisorsAction() {
		store.recordAction(CITY, SupervisionRecords.EXPORTED_EVENT, Map.of("what", "cards", "rows", "3"));
		assertEquals(SupervisionRecords.EXPORTED_EVENT, store.ledger().get(store.ledger().size() - 1).type());
		assertThrows(AccessDeniedException.class,
				() -> store.recordAction(Fixtures.OFFICER, SupervisionRecords.EXPORTED_EVENT, Map.of()));
	}

	@Test
	void theDecisionSearchPagesByKeysetNewestFirstWithItsFilters() {
		List<Decision> more = new java.util.ArrayList<>();
		Instant t = Instant.parse("2026-11-21T03:00:00Z");
		for (int i = 0; i < 5; i++) {
			String no = "Q" + i;
			store.putDossiers(List.of(Fixtures.dossier(no, "PSB", DossierStatus.APPROVED)), "test");
			more.add(new Decision(no, DecisionKind.APPROVE, List.of(), null, Fixtures.OFFICER2.id(), t, false, null, null,
					null, null)); // all at the same moment: the dossier number breaks the tie
		}
		store.putDecisions(more, "test");
		DecisionQuery q = new DecisionQuery(null, null, null, null, null, null, false, false, DAY.minusDays(10), DAY, null,
				null, 2);
		List<String> seen = new java.util.ArrayList<>();
		for (List<DecisionRecord> page = store.searchDecisions(CITY, q); !page.isEmpty();
				page = store.searchDecisions(CITY, q.after(page.get(page.size() - 1)))) {
			assertTrue(page.size() <= 2);
			page.forEach(d -> seen.add(d.dossierNo()));
		}
		assertEquals(List.of("Q4", "Q3", "Q2", "Q1", "Q0", "P2"), seen);
		DecisionQuery rejected = new DecisionQuery(null, null, null, DecisionKind.REJECT, "NOT_ELIGIBLE", false, false, false,
				null, null, null, null, 50);
		assertEquals(List.of("P2"), store.searchDecisions(Fixtures.SUPERVISOR, rejected).stream().map(DecisionRecord::dossierNo).toList());
		assertEquals(List.of(), store.searchDecisions(Fixtures.SUPERVISOR, new DecisionQuery(null, null, null, null, "NOT",
				null, false, false, null, null, null, null, 50)), "a reason code is matched whole");
		assertEquals(List.of(), store.searchDecisions(MSB_SUPERVISOR, rejected));
		assertEquals(List.of(), store.searchDecisions(CITY, new DecisionQuery(null, null, null, null, null, true, false, false,
				null, null, null, null, 50)), "no 秒批 decisions here");
		store.recordCards(CITY, List.of(card("Q3", "PSB", "CASE_OVERDUE")));
		assertEquals(List.of("Q3"), store.searchDecisions(CITY, new DecisionQuery(null, null, null, null, null, null, false,
				true, null, null, null, null, 50)).stream().map(DecisionRecord::dossierNo).toList());
		assertEquals(AccessDeniedException.Rule.NO_ROLE, assertThrows(AccessDeniedException.class,
				() -> store.searchDecisions(Fixtures.OFFICER, q)).rule());
	}

	@Test
	void aCitySupervisorOpensAnyDepartmentsDossierButMovesNone() {
		assertEquals("M1", store.find(CITY, "M1").orElseThrow().number());
		assertFalse(store.history(CITY, "M1").isEmpty());
		assertEquals(AccessDeniedException.Rule.OTHER_DEPARTMENT,
				assertThrows(AccessDeniedException.class, () -> store.find(Fixtures.SUPERVISOR, "M1")).rule());
		assertEquals(AccessDeniedException.Rule.OTHER_DEPARTMENT, assertThrows(AccessDeniedException.class,
				() -> store.reassign(CITY, "M1", Fixtures.OTHER.id())).rule());
		assertEquals(AccessDeniedException.Rule.READ_ONLY_ROLE, assertThrows(AccessDeniedException.class,
				() -> store.claim(CITY, "M1")).rule());
	}
}
