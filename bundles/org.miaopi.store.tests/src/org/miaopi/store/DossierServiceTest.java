package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.lifecycle.IllegalTransitionException;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.QueuePage;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.StoreException.Problem;
import org.miaopi.core.service.TransitionRequest;

class DossierServiceTest extends SeededStoreTest {

	private DossierStatus status(String no) {
		return store.find(Fixtures.OFFICER, no).orElseThrow().status();
	}

	@Test
	void aDossierWalksTheLifecycleWithOneAuditEventPerStep() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.RECEIVED)), "test");
		store.transition(Fixtures.OFFICER, TransitionRequest.move("D1", DossierStatus.PRE_CHECKED));
		store.claim(Fixtures.OFFICER, "D1");
		store.transition(Fixtures.OFFICER, TransitionRequest.move("D1", DossierStatus.IN_REVIEW));
		store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.supplement("D1", Fixtures.OFFICER)), TestSigner.of(Fixtures.OFFICER));
		store.transition(Fixtures.OFFICER, TransitionRequest.move("D1", DossierStatus.IN_REVIEW));
		Dossier approved = store.transition(Fixtures.OFFICER,
				TransitionRequest.decide(Fixtures.approve("D1", Fixtures.OFFICER)), TestSigner.of(Fixtures.OFFICER));
		assertEquals(DossierStatus.APPROVED, approved.status());
		assertEquals(DossierStatus.APPROVED, status("D1"));

		List<String> types = store.history(Fixtures.OFFICER, "D1").stream().map(AuditEvent::type).toList();
		assertEquals(List.of("dossier.imported", "dossier.pre-checked", "dossier.claimed", "dossier.review-started",
				"dossier.supplement-requested", "dossier.supplement-received", "dossier.approved"), types);
		assertEquals(2, store.decisions(Fixtures.OFFICER, "D1").size());
		assertInstanceOf(Verification.Intact.class, AuditChain.verify(store.ledger()));
	}

	@Test
	void aRequestMadeOnAnOlderStatusIsRefusedAndChangesNothing() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.IN_REVIEW)), "test");
		// a form filled in while the dossier was in review asks for a supplement: accepted
		store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.supplement("D1", Fixtures.OFFICER))
				.expecting(DossierStatus.IN_REVIEW), TestSigner.of(Fixtures.OFFICER));
		int events = store.history(Fixtures.OFFICER, "D1").size();
		// the same stale form again: the supplement did not arrive, so nothing may record that it did
		StoreException e = assertThrows(StoreException.class, () -> store.transition(Fixtures.OFFICER,
				TransitionRequest.move("D1", DossierStatus.IN_REVIEW).expecting(DossierStatus.IN_REVIEW)));
		assertEquals(Problem.CONFLICT, e.problem());
		assertTrue(e.getMessage().contains("SUPPLEMENT_REQUESTED"), e.getMessage());
		assertEquals(DossierStatus.SUPPLEMENT_REQUESTED, status("D1"));
		assertEquals(events, store.history(Fixtures.OFFICER, "D1").size(), "no audit event");
		assertEquals(1, store.decisions(Fixtures.OFFICER, "D1").size());
	}

	@Test
	void anIllegalTransitionChangesNothing() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.RECEIVED)), "test");
		assertThrows(IllegalTransitionException.class,
				() -> store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.approve("D1", Fixtures.OFFICER)), TestSigner.of(Fixtures.OFFICER)));
		assertEquals(DossierStatus.RECEIVED, status("D1"));
		assertEquals(1, store.history(Fixtures.OFFICER, "D1").size());
		assertTrue(store.decisions(Fixtures.OFFICER, "D1").isEmpty());
	}

	@Test
	void aSupervisorReadsButCannotDecide() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.IN_REVIEW)), "test");
		AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> store.transition(Fixtures.SUPERVISOR,
				TransitionRequest.decide(Fixtures.approve("D1", Fixtures.SUPERVISOR)), TestSigner.of(Fixtures.SUPERVISOR)));
		assertEquals(AccessDeniedException.Rule.READ_ONLY_ROLE, e.rule());
		assertTrue(e.getMessage().contains("supervisors read"), e.getMessage());
		assertEquals(DossierStatus.IN_REVIEW, status("D1"));
		assertEquals(1, store.queue(Fixtures.SUPERVISOR, QueryAccessTestQueries.open()).rows().size());
		assertEquals(1, store.history(Fixtures.SUPERVISOR, "D1").size());
	}

	@Test
	void anOfficerNeverSeesAnotherDepartmentsDossiers() {
		store.putDossiers(List.of(Fixtures.dossier("P1", "PSB", DossierStatus.IN_REVIEW),
				Fixtures.dossier("M1", "MSB", DossierStatus.IN_REVIEW)), "test");
		assertEquals(List.of("P1"), numbers(store.queue(Fixtures.OFFICER, QueueQuery.open())));
		assertEquals(List.of("M1"), numbers(store.queue(Fixtures.OTHER, QueueQuery.open())));
		// even asking by number, or with a text filter that would match
		AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> store.find(Fixtures.OFFICER, "M1"));
		assertEquals(AccessDeniedException.Rule.OTHER_DEPARTMENT, e.rule());
		assertThrows(AccessDeniedException.class, () -> store.history(Fixtures.OFFICER, "M1"));
		assertTrue(store.queue(Fixtures.OFFICER, new QueueQuery(null, null, "M1", 0)).rows().isEmpty());
		assertThrows(AccessDeniedException.class,
				() -> store.transition(Fixtures.OFFICER, TransitionRequest.move("M1", DossierStatus.WITHDRAWN)));
	}

	@Test
	void theQueueIsPagedByDeadlineAndFilters() {
		List<Dossier> ds = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			DossierStatus st = i % 3 == 0 ? DossierStatus.IN_REVIEW : DossierStatus.ASSIGNED;
			ds.add(Fixtures.dossier(String.format("Q%03d", i), "PSB", st, Fixtures.TODAY.plusDays(120 - i),
					i == 7 ? "欧阳修" : "张伟", List.of()));
		}
		ds.add(Fixtures.dossier("Z-DONE", "PSB", DossierStatus.ARCHIVED, Fixtures.TODAY, "张伟", List.of()));
		store.putDossiers(ds, "test");
		QueuePage first = store.queue(Fixtures.OFFICER, QueueQuery.open());
		assertEquals(50, first.rows().size());
		assertTrue(first.hasMore());
		assertEquals("Q119", first.rows().get(0).number(), "earliest deadline first");
		for (int i = 1; i < first.rows().size(); i++) {
			assertFalse(first.rows().get(i).deadline().isBefore(first.rows().get(i - 1).deadline()));
		}
		QueuePage third = store.queue(Fixtures.OFFICER, new QueueQuery(null, null, null, 2));
		assertEquals(20, third.rows().size());
		assertFalse(third.hasMore());
		assertEquals(40, store.queue(Fixtures.OFFICER,
				new QueueQuery(EnumSet.of(DossierStatus.IN_REVIEW), null, null, 0)).rows().size());
		assertEquals(List.of("Q007"), numbers(store.queue(Fixtures.OFFICER, new QueueQuery(null, null, "欧阳", 0))));
		assertEquals(List.of("Z-DONE"), numbers(store.queue(Fixtures.OFFICER,
				new QueueQuery(EnumSet.of(DossierStatus.ARCHIVED), null, null, 0))));
		assertEquals(0, store.queue(Fixtures.OFFICER, new QueueQuery(null, "PHARMACY", null, 0)).rows().size());
	}

	@Test
	void theTextFilterMatchesPrefixesOfNumberIdNameAndGivenNameAndFollowsStatusChanges() {
		Dossier ouyang = Fixtures.dossier("SZ-TXT-1", "PSB", DossierStatus.RECEIVED, Fixtures.TODAY.plusDays(3), "欧阳娜娜",
				List.of());
		Dossier wang = Fixtures.dossier("SZ-TXT-2", "PSB", DossierStatus.IN_REVIEW, Fixtures.TODAY.plusDays(1), "王伟",
				List.of());
		store.putDossiers(List.of(ouyang, wang, Fixtures.dossier("SZ-TXT-3", "MSB", DossierStatus.RECEIVED,
				Fixtures.TODAY, "王芳", List.of())), "test");
		assertEquals(List.of("SZ-TXT-2", "SZ-TXT-1"), numbers(store.queue(Fixtures.OFFICER, text("sz-txt"))),
				"number prefix, any case, by deadline, own department only");
		assertEquals(List.of("SZ-TXT-1"), numbers(store.queue(Fixtures.OFFICER, text("娜娜"))), "given name after 欧阳");
		assertEquals(List.of("SZ-TXT-2"), numbers(store.queue(Fixtures.OFFICER, text("伟"))), "given name after 王");
		assertEquals(List.of("SZ-TXT-2"), numbers(store.queue(Fixtures.OFFICER, text("王"))), "surname");
		String id = ouyang.applicant().subjectId();
		assertEquals(List.of("SZ-TXT-1"), numbers(store.queue(Fixtures.OFFICER, text(id))), "whole ID");
		assertTrue(numbers(store.queue(Fixtures.OFFICER, text(id.substring(0, 10)))).contains("SZ-TXT-1"), "ID prefix");
		assertTrue(store.queue(Fixtures.OFFICER, text("阳娜x")).rows().isEmpty());
		assertTrue(store.queue(Fixtures.OFFICER, text("%")).rows().isEmpty(), "no wildcards");
		// a status change reaches the search keys in the same transaction
		store.transition(Fixtures.OFFICER, TransitionRequest.move("SZ-TXT-1", DossierStatus.WITHDRAWN));
		assertEquals(List.of("SZ-TXT-2"), numbers(store.queue(Fixtures.OFFICER, text("sz-txt"))));
		assertEquals(List.of("SZ-TXT-1"), numbers(store.queue(Fixtures.OFFICER,
				new QueueQuery(EnumSet.of(DossierStatus.WITHDRAWN), "GRAD-HUKOU", "欧阳", 0))));
		store.clear();
		Fixtures.seed(store);
		assertTrue(store.queue(Fixtures.OFFICER, text("sz")).rows().isEmpty(), "clearing the store empties the keys");
	}

	@Test
	void pagesOfSeveralStatusesMergeInDeadlineOrderWithoutGapsOrRepeats() {
		List<Dossier> ds = new ArrayList<>();
		DossierStatus[] sts = { DossierStatus.RECEIVED, DossierStatus.PRE_CHECKED, DossierStatus.ASSIGNED,
				DossierStatus.IN_REVIEW, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.APPROVED };
		for (int i = 0; i < 230; i++) {
			ds.add(Fixtures.dossier(String.format("M%03d", i), "PSB", sts[(i * 7) % sts.length],
					Fixtures.TODAY.plusDays(i % 17), "张伟", List.of()));
		}
		store.putDossiers(ds, "test");
		List<String> expected = ds.stream().filter(d -> d.status() != DossierStatus.APPROVED)
				.sorted(java.util.Comparator.comparing(Dossier::deadline).thenComparing(Dossier::number))
				.map(Dossier::number).toList();
		List<String> seen = new ArrayList<>();
		for (int page = 0;; page++) {
			QueuePage p = store.queue(Fixtures.OFFICER, new QueueQuery(null, null, null, page));
			seen.addAll(numbers(p));
			if (!p.hasMore()) {
				break;
			}
		}
		assertEquals(expected, seen);
		List<String> byText = new ArrayList<>();
		for (int page = 0; page < 5; page++) {
			byText.addAll(numbers(store.queue(Fixtures.OFFICER, new QueueQuery(null, "GRAD-HUKOU", "张", page))));
		}
		assertEquals(expected, byText);
	}

	@Test
	void assigningToAnOfficerOfAnotherDepartmentOrToNoOfficerIsRefused() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.PRE_CHECKED)), "test");
		AccessDeniedException e = assertThrows(AccessDeniedException.class,
				() -> store.reassign(Fixtures.SUPERVISOR, "D1", Fixtures.OTHER.id()));
		assertEquals(AccessDeniedException.Rule.OTHER_DEPARTMENT, e.rule());
		assertTrue(e.getMessage().contains("works for MSB"), e.getMessage());
		IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
				() -> store.reassign(Fixtures.SUPERVISOR, "D1", "nobody"));
		assertTrue(unknown.getMessage().contains("no such officer"), unknown.getMessage());
		assertThrows(IllegalArgumentException.class, () -> store.reassign(Fixtures.SUPERVISOR, "D1", Fixtures.SUPERVISOR.id()));
		// a person never assigns by a bare transition: an officer claims, a supervisor reassigns
		assertThrows(IllegalArgumentException.class,
				() -> store.transition(Fixtures.OFFICER, TransitionRequest.assign("D1", Fixtures.OFFICER2.id())));
		assertEquals(DossierStatus.PRE_CHECKED, status("D1"));
		assertEquals(1, store.history(Fixtures.OFFICER, "D1").size());
		store.reassign(Fixtures.SUPERVISOR, "D1", Fixtures.OFFICER2.id());
		assertEquals(Fixtures.OFFICER2.id(), store.find(Fixtures.OFFICER, "D1").orElseThrow().assignedOfficerId());
	}

	@Test
	void aThemesMembersAreListedPerDepartment() {
		Dossier p1 = Fixtures.dossier("T-P1", "PSB", DossierStatus.RECEIVED);
		Dossier p2 = Fixtures.dossier("T-P2", "PSB", DossierStatus.IN_REVIEW);
		Dossier m1 = Fixtures.dossier("T-M1", "MSB", DossierStatus.RECEIVED);
		List<Dossier> members = new ArrayList<>();
		for (Dossier d : List.of(p2, m1, p1)) {
			// one member per matter the application lists: the second PSB member is of another PSB matter
			String matter = d == p2 ? "NO-CRIMINAL-RECORD" : d.matterCode();
			members.add(new Dossier(d.number(), matter, "TH-1", d.applicant(), d.declaredData(), d.materials(),
					d.received(), d.deadline(), d.status(), d.assignedOfficerId(), d.departmentCode()));
		}
		store.putThemeApplications(List.of(new org.miaopi.core.model.ThemeApplication("TH-1", "THEME-TEST",
				List.of("GRAD-HUKOU", "NO-CRIMINAL-RECORD", "PHARMACY"))), "test");
		members.add(Fixtures.dossier("SOLO", "PSB", DossierStatus.RECEIVED));
		store.putDossiers(members, "test");
		assertEquals(List.of("T-P1", "T-P2"), store.themeMembers(Fixtures.OFFICER, "TH-1").stream().map(Dossier::number).toList());
		assertEquals(List.of("T-M1"), store.themeMembers(Fixtures.OTHER, "TH-1").stream().map(Dossier::number).toList());
		assertEquals(List.of("T-M1", "T-P1", "T-P2"), store.themeMembers(org.miaopi.core.model.Officer.SYSTEM, "TH-1")
				.stream().map(Dossier::number).toList());
		assertTrue(store.themeMembers(Fixtures.OFFICER, "TH-404").isEmpty());
		assertTrue(store.themeMembers(Fixtures.SUPERVISOR, "TH-1").stream().allMatch(d -> "TH-1".equals(d.themeDossierNo())));
	}

	private static QueueQuery text(String t) {
		return new QueueQuery(null, null, t, 0);
	}

	@Test
	void anIoFailureInsideATransitionRollsBackAndKeepsWhatWasCommitted() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.IN_REVIEW)), "test");
		store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.supplement("D1", Fixtures.OFFICER)), TestSigner.of(Fixtures.OFFICER));
		// what Derby reports when a page cannot be written (disk full), raised after the rows were flushed
		store.beforeCommit = () -> {
			throw new jakarta.persistence.PersistenceException(
					new SQLException("No space left on device", "XSDG1"));
		};
		StoreException e = assertThrows(StoreException.class,
				() -> store.transition(Fixtures.OFFICER, TransitionRequest.move("D1", DossierStatus.IN_REVIEW)));
		assertEquals(Problem.IO_FAILURE, e.problem());
		assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
		store.beforeCommit = () -> {
		};
		assertEquals(DossierStatus.SUPPLEMENT_REQUESTED, status("D1"));
		assertEquals(2, store.history(Fixtures.OFFICER, "D1").size());
		// the ledger continues without a gap after the failed attempt
		store.transition(Fixtures.OFFICER, TransitionRequest.move("D1", DossierStatus.IN_REVIEW));
		assertEquals(3, store.ledger().size());
		assertInstanceOf(Verification.Intact.class, AuditChain.verify(store.ledger()));
	}

	@Test
	void contentOfAnotherTypeThanStatedOrOfNoAcceptedTypeIsNotStored() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0 };
		byte[] exe = "MZ\u0090 an executable".getBytes(StandardCharsets.ISO_8859_1);
		var mismatch = assertThrows(org.miaopi.core.content.MaterialRefusedException.class,
				() -> store.putContent(png, "application/pdf"));
		assertEquals(org.miaopi.core.content.MaterialRefusedException.Reason.TYPE_MISMATCH, mismatch.reason());
		assertEquals(org.miaopi.core.content.MaterialRefusedException.Reason.UNKNOWN_TYPE, assertThrows(
				org.miaopi.core.content.MaterialRefusedException.class, () -> store.putContent(exe, "application/pdf")).reason());
		byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
		// one bad file refuses the whole batch: nothing of it is stored
		assertThrows(org.miaopi.core.content.MaterialRefusedException.class,
				() -> store.putContents(List.of(pdf, exe), "application/pdf"));
		byte[] huge = java.util.Arrays.copyOf(pdf, (int) org.miaopi.core.content.MaterialLimits.CEILING_BYTES + 1);
		assertEquals(org.miaopi.core.content.MaterialRefusedException.Reason.TOO_LARGE, assertThrows(
				org.miaopi.core.content.MaterialRefusedException.class, () -> store.putContent(huge, "application/pdf")).reason());
		assertEquals(0L, store.info().counts().get("content"));
	}

	@Test
	void materialsAreStoredOnceByHashAndCheckedWhenRead() throws Exception {
		byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
		Sha256 h1 = store.putContent(pdf, "application/pdf");
		Sha256 h2 = store.putContent(pdf.clone(), "application/pdf");
		assertEquals(h1, h2);
		assertEquals(ContentHashing.sha256(pdf), h1);
		assertEquals(1L, store.info().counts().get("content"));
		Material m = Material.file("M1", "DIPLOMA", h1, "diploma.pdf", "application/pdf", pdf.length);
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.RECEIVED, Fixtures.TODAY, "张伟",
				List.of(m))), "test");
		assertEquals(List.of(m), store.find(Fixtures.OFFICER, "D1").orElseThrow().materials());
		assertArrayEquals(pdf, store.content(Fixtures.OFFICER, "D1", h1));

		try (var c = store.databaseForTests().connect();
				var p = c.prepareStatement("UPDATE CONTENT SET BYTES = ? WHERE HASH = ?")) {
			p.setBytes(1, "%PDF-1.4 tampered".getBytes(StandardCharsets.US_ASCII));
			p.setString(2, h1.hex());
			assertEquals(1, p.executeUpdate());
		}
		StoreException e = assertThrows(StoreException.class, () -> store.content(Fixtures.OFFICER, "D1", h1));
		assertEquals(Problem.CONTENT_CORRUPTED, e.problem());
	}

	@Test
	void sharedRecordsBySubjectAndSourceNewestFirst() {
		String subject = Fixtures.residentId(1).value();
		store.putSharedRecords(List.of(
				new SharedRecord(SharedSource.EDUCATION, subject, Map.of("degree", "本科"), Instant.parse("2025-01-01T00:00:00Z")),
				new SharedRecord(SharedSource.EDUCATION, subject, Map.of("degree", "硕士"), Instant.parse("2026-01-01T00:00:00Z")),
				new SharedRecord(SharedSource.SOCIAL_SECURITY, subject, Map.of("months", "12"), Instant.parse("2026-01-01T00:00:00Z")),
				new SharedRecord(SharedSource.EDUCATION, Fixtures.residentId(2).value(), Map.of("degree", "博士"), Instant.parse("2026-01-01T00:00:00Z"))));
		List<SharedRecord> edu = store.sharedRecords(Officer.SYSTEM, subject, SharedSource.EDUCATION);
		assertEquals(List.of("硕士", "本科"), edu.stream().map(r -> r.fields().get("degree")).toList());
		assertEquals(3, store.sharedRecords(Officer.SYSTEM, subject, null).size());
	}

	private static List<String> numbers(QueuePage page) {
		return page.rows().stream().map(Dossier::number).toList();
	}

	private static final class QueryAccessTestQueries {
		static QueueQuery open() {
			return QueueQuery.open();
		}
	}

	@Test
	void attentionCountsOfAPageInOneCallMatchThePerDossierComparisonsAndRespectDepartments() {
		store.putDossiers(List.of(Fixtures.dossier("C1", "PSB", DossierStatus.IN_REVIEW),
				Fixtures.dossier("C2", "PSB", DossierStatus.IN_REVIEW), Fixtures.dossier("C3", "PSB", DossierStatus.IN_REVIEW),
				Fixtures.dossier("C4", "MSB", DossierStatus.IN_REVIEW)), "test");
		store.putComparisons("C1", List.of(compared("a", ComparisonOutcome.MATCH), compared("b", ComparisonOutcome.MISMATCH),
				compared("c", ComparisonOutcome.STALE)));
		store.putComparisons("C2", List.of(compared("a", ComparisonOutcome.MATCH)));
		store.putComparisons("C4", List.of(compared("a", ComparisonOutcome.MISMATCH)));

		Map<String, Long> counts = store.attentionCounts(Fixtures.OFFICER, List.of("C1", "C2", "C3", "NONE"));
		assertEquals(Map.of("C1", 2L, "C2", 0L), counts, "C3 is not compared, NONE does not exist: no entry");
		for (String no : List.of("C1", "C2")) {
			assertEquals(store.comparisons(Fixtures.OFFICER, no).stream().filter(ComparisonResult::needsAttention).count(),
					counts.get(no));
		}
		assertEquals(Map.of(), store.attentionCounts(Fixtures.OFFICER, List.of()));
		assertThrows(AccessDeniedException.class, () -> store.attentionCounts(Fixtures.OFFICER, List.of("C1", "C4")),
				"another department's dossier is not read");
	}

	private static ComparisonResult compared(String field, ComparisonOutcome outcome) {
		return new ComparisonResult("R1", field, "x", outcome == ComparisonOutcome.MATCH ? "x" : "y", outcome,
				SharedSource.EDUCATION, Instant.parse("2026-01-01T00:00:00Z"), null);
	}
}
