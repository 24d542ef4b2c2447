package org.miaopi.core.tests.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.miaopi.core.tests.model.Samples.PERSON;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.lifecycle.IllegalTransitionException;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;

class DossierTest {

	/** 09:30 Beijing time on Monday 3 March 2025. */
	private static final Instant RECEIVED = Instant.parse("2025-03-03T01:30:00Z");
	private static final LocalDate DEADLINE = WorkingDayCalendar.china().addWorkingDays(LocalDate.of(2025, 3, 3), 10);
	private static final Material PHOTO = Material.file("m1", "M02", Sha256.parse("ab".repeat(32)), "photo.jpg",
			"image/jpeg", 1000);

	private static Dossier received() {
		Map<String, String> declared = new LinkedHashMap<>();
		declared.put("school", "深圳大学");
		declared.put("graduationDate", "2024-06-30");
		return new Dossier("SZ-2025-000123", "graduate-residence", null, PERSON, declared, List.of(PHOTO), RECEIVED,
				DEADLINE, DossierStatus.RECEIVED, null, "440306-GA");
	}

	@Test
	void keepsDeclaredDataInFormOrder() {
		assertEquals(List.of("school", "graduationDate"), List.copyOf(received().declaredData().keySet()));
		assertEquals(LocalDate.of(2025, 3, 17), DEADLINE);
		assertFalse(received().isPartOfTheme());
	}

	@Test
	void walksTheOfficerPath() {
		Dossier d = received().transitionTo(DossierStatus.PRE_CHECKED).assignTo("o-1001")
				.transitionTo(DossierStatus.IN_REVIEW).transitionTo(DossierStatus.SUPPLEMENT_REQUESTED)
				.transitionTo(DossierStatus.IN_REVIEW).transitionTo(DossierStatus.APPROVED);
		assertEquals(DossierStatus.APPROVED, d.status());
		assertEquals("o-1001", d.assignedOfficerId());
		assertEquals(received().declaredData(), d.declaredData());
	}

	@Test
	void refusesIllegalMoves() {
		IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
				() -> received().transitionTo(DossierStatus.APPROVED));
		assertEquals(DossierStatus.RECEIVED, e.from());
		assertThrows(IllegalTransitionException.class, () -> received().assignTo("o-1001"));
		Dossier withdrawn = received().transitionTo(DossierStatus.WITHDRAWN);
		assertThrows(IllegalTransitionException.class, () -> withdrawn.transitionTo(DossierStatus.PRE_CHECKED));
	}

	@Test
	void assignmentNeedsAnOfficer() {
		Dossier preChecked = received().transitionTo(DossierStatus.PRE_CHECKED);
		assertThrows(IllegalArgumentException.class, () -> preChecked.transitionTo(DossierStatus.ASSIGNED));
		assertThrows(IllegalArgumentException.class, () -> preChecked.assignTo(" "));
	}

	@Test
	void handedBackItIsHeldByNobodyAndAHolderChangesInPlace() {
		Dossier review = received().transitionTo(DossierStatus.PRE_CHECKED).assignTo("o-1001")
				.transitionTo(DossierStatus.IN_REVIEW);
		assertTrue(review.isHeld());
		Dossier back = review.transitionTo(DossierStatus.PRE_CHECKED);
		assertEquals(null, back.assignedOfficerId());
		assertFalse(back.isHeld());
		Dossier moved = review.heldBy("o-1002");
		assertEquals(DossierStatus.IN_REVIEW, moved.status());
		assertEquals("o-1002", moved.assignedOfficerId());
		assertThrows(IllegalArgumentException.class, () -> review.heldBy(null), "under review, someone holds it");
	}

	@Test
	void deadlineIsComparedWithTheBeijingDateOfReceipt() {
		// 17:00 UTC on 2 March is already 3 March in Beijing
		Instant lateEvening = Instant.parse("2025-03-02T17:00:00Z");
		assertThrows(IllegalArgumentException.class, () -> new Dossier("SZ-1", "m", null, PERSON, Map.of(), List.of(),
				lateEvening, LocalDate.of(2025, 3, 2), DossierStatus.RECEIVED, null, "D"));
		assertEquals(LocalDate.of(2025, 3, 3), new Dossier("SZ-1", "m", null, PERSON, Map.of(), List.of(), lateEvening,
				LocalDate.of(2025, 3, 3), DossierStatus.RECEIVED, null, "D").deadline());
	}

	@Test
	void materialsAreUniqueAndCopied() {
		assertThrows(IllegalArgumentException.class, () -> new Dossier("SZ-1", "m", null, PERSON, Map.of(),
				List.of(PHOTO, PHOTO), RECEIVED, DEADLINE, DossierStatus.RECEIVED, null, "D"));
		assertThrows(UnsupportedOperationException.class, () -> received().materials().add(PHOTO));
	}

	@Test
	void themeMembership() {
		Dossier member = new Dossier("SZ-1-a", "drug-retail", "SZ-1", PERSON, Map.of(), List.of(), RECEIVED, DEADLINE,
				DossierStatus.RECEIVED, null, "D");
		assertTrue(member.isPartOfTheme());
		assertThrows(IllegalArgumentException.class, () -> new Dossier("SZ-1", "m", "SZ-1", PERSON, Map.of(),
				List.of(), RECEIVED, DEADLINE, DossierStatus.RECEIVED, null, "D"));
	}
}
