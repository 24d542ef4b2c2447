package org.miaopi.core.tests.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Timeliness;

/** A dossier against its time limit: open ones count down, decided ones are measured at their decision. */
class TimelinessTest {

	private static final WorkingDayCalendar CAL = WorkingDayCalendar.weekendsOnly();
	// received Monday 2025-06-02, 10 working days: deadline Monday 2025-06-16
	private static final LocalDate RECEIVED = LocalDate.of(2025, 6, 2);
	private static final LocalDate DEADLINE = LocalDate.of(2025, 6, 16);

	private static Dossier dossier(DossierStatus status) {
		return new Dossier("SZ-1", "m", null, Samples.PERSON, Map.of(), List.of(), at(RECEIVED), DEADLINE, status,
				status == DossierStatus.IN_REVIEW ? "o1" : null, "SZPSB");
	}

	private static Instant at(LocalDate day) {
		return day.atTime(LocalTime.of(10, 0)).atZone(ChinaTime.ZONE).toInstant();
	}

	@Test
	void anOpenDossierCountsDownToItsDeadline() {
		Timeliness t = Timeliness.of(CAL, dossier(DossierStatus.IN_REVIEW), null, LocalDate.of(2025, 6, 12));
		assertEquals(Timeliness.Kind.OPEN, t.kind());
		assertEquals(2, t.days());
		assertTrue(t.atRisk());
		assertTrue(Timeliness.of(CAL, dossier(DossierStatus.IN_REVIEW), null, LocalDate.of(2025, 6, 17)).overdue());
	}

	@Test
	void aDossierDecidedInTimeIsNeverOverdueLater() {
		Dossier issued = dossier(DossierStatus.CERTIFICATE_ISSUED);
		Timeliness t = Timeliness.of(CAL, issued, at(LocalDate.of(2025, 6, 5)), LocalDate.of(2025, 9, 1));
		assertEquals(Timeliness.Kind.DECIDED_ON_TIME, t.kind());
		assertEquals(3, t.days(), "Tuesday to Thursday after a Monday receipt");
		assertEquals(10, t.limit());
		assertFalse(t.overdue(), "months later, still on time");
		assertFalse(t.atRisk());
	}

	@Test
	void aDossierDecidedOnItsDeadlineIsOnTimeAndTheDayAfterLate() {
		assertEquals(Timeliness.Kind.DECIDED_ON_TIME,
				Timeliness.of(CAL, dossier(DossierStatus.APPROVED), at(DEADLINE), LocalDate.of(2025, 9, 1)).kind());
		Timeliness late = Timeliness.of(CAL, dossier(DossierStatus.REJECTED), at(DEADLINE.plusDays(1)), LocalDate.of(2025, 9, 1));
		assertEquals(Timeliness.Kind.DECIDED_LATE, late.kind());
		assertEquals(11, late.days());
	}

	@Test
	void aWithdrawnDossierOrOneWithNoDecisionTimeDoesNotCount() {
		assertEquals(Timeliness.Kind.CLOSED,
				Timeliness.of(CAL, dossier(DossierStatus.WITHDRAWN), null, LocalDate.of(2025, 9, 1)).kind());
		Timeliness unknown = Timeliness.of(CAL, dossier(DossierStatus.ARCHIVED), null, LocalDate.of(2025, 9, 1));
		assertEquals(Timeliness.Kind.CLOSED, unknown.kind());
		assertFalse(unknown.overdue());
	}
}
