package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Timeliness;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.QueuePage;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.dossier.ui.DossierPart;
import org.miaopi.ui.api.DeadlineAlerts;
import org.miaopi.ui.api.Texts;
import org.miaopi.ui.api.Topics;
import org.miaopi.ui.status.StatusBar;

/**
 * One rule decides on time, at risk and overdue (core {@link Timeliness}): the dossier part says
 * what the queue's deadline column says, and the status bar counts what the queue marks.
 */
class TimelinessWordsTest {

	private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.china();

	@BeforeEach
	void signIn() {
		DeskFixture.signIn(DeskFixture.OFFICER);
	}

	@Test
	void theDossierPartMeasuresADecidedDossierAtItsDecisionAsTheQueueDoes() {
		DossierService dossiers = DeskFixture.service(DossierService.class);
		Officer o = DeskFixture.officer(DeskFixture.OFFICER);
		QueuePage p = dossiers.queue(o, new QueueQuery(EnumSet.of(DossierStatus.APPROVED, DossierStatus.REJECTED,
				DossierStatus.CERTIFICATE_ISSUED), null, null, 0));
		Map<String, Instant> decided = dossiers.decisionTimes(o, p.rows().stream().map(Dossier::number).toList());
		Dossier d = p.rows().stream().filter(r -> decided.containsKey(r.number())).findFirst().orElseThrow();
		Timeliness t = Timeliness.of(CALENDAR, d, decided.get(d.number()), ChinaTime.today());
		assertTrue(t.kind() == Timeliness.Kind.DECIDED_ON_TIME || t.kind() == Timeliness.Kind.DECIDED_LATE, t.toString());
		String facts = open(d);
		assertTrue(facts.contains(Texts.of(t)), "the decision's timeliness (" + Texts.of(t) + ") in: " + facts);

		// an open one: the countdown in the queue's words, at risk or overdue marked the same way
		Dossier nearest = dossiers.queue(o, new QueueQuery(null, null, null, 0)).rows().get(0);
		Timeliness open = Timeliness.of(CALENDAR, nearest, null, ChinaTime.today());
		facts = open(nearest);
		assertTrue(facts.contains(Texts.of(open)), Texts.of(open) + " in: " + facts);
	}

	@Test
	void theStatusBarCountsWhatTheQueueMarks() {
		Officer o = DeskFixture.officer(DeskFixture.OFFICER);
		Dossier any = DeskFixture.service(DossierService.class).queue(o, new QueueQuery(null, null, null, 0)).rows().get(0);
		LocalDate wednesday = LocalDate.of(2026, 12, 2);
		// Tuesday, Friday, the Saturday after it (two working days away, as Friday is), Monday, later
		List<Dossier> rows = new ArrayList<>();
		for (String day : List.of("2026-12-01", "2026-12-04", "2026-12-05", "2026-12-07", "2026-12-21")) {
			rows.add(new Dossier("T-" + day, any.matterCode(), null, any.applicant(), any.declaredData(), List.of(),
					Instant.parse("2026-11-20T02:00:00Z"), LocalDate.parse(day), DossierStatus.IN_REVIEW, o.id(),
					any.departmentCode()));
		}
		DeadlineAlerts a = StatusBar.count(queueOf(rows), o, wednesday, new NullProgressMonitor());
		long overdue = rows.stream().filter(d -> Timeliness.of(CALENDAR, d, null, wednesday).overdue()).count();
		long atRisk = rows.stream().filter(d -> Timeliness.of(CALENDAR, d, null, wednesday).atRisk()).count();
		assertEquals(1, overdue);
		assertEquals(2, atRisk, "the queue marks Friday's and Saturday's deadlines at risk");
		assertEquals(overdue, a.overdue());
		assertEquals(atRisk, a.atRisk(), "the status bar counts the dossiers the queue marks");
		// a deadline on Sunday is not overdue on Monday: no working day has passed since
		LocalDate monday = LocalDate.of(2026, 12, 7);
		Dossier sunday = new Dossier("T-SUN", any.matterCode(), null, any.applicant(), any.declaredData(), List.of(),
				Instant.parse("2026-11-20T02:00:00Z"), LocalDate.of(2026, 12, 6), DossierStatus.IN_REVIEW, o.id(),
				any.departmentCode());
		assertTrue(Timeliness.of(CALENDAR, sunday, null, monday).atRisk());
		a = StatusBar.count(queueOf(List.of(sunday)), o, monday, new NullProgressMonitor());
		assertEquals(new DeadlineAlerts(1, 0, false), a);
	}

	private static String open(Dossier d) {
		Workbench.application().getContext().get(IEventBroker.class).send(Topics.DOSSIER_OPENED, d);
		Workbench.processEvents();
		DossierPart part = DeskFixture.part(Topics.PART_DOSSIER, DossierPart.class);
		assertNotNull(part.getFactsText());
		return part.getFactsText();
	}

	/** A service whose queue holds only {@code rows}, nearest deadline first: all the status bar reads. */
	private static DossierService queueOf(List<Dossier> rows) {
		return (DossierService) Proxy.newProxyInstance(TimelinessWordsTest.class.getClassLoader(),
				new Class<?>[] { DossierService.class }, (proxy, method, args) -> {
					if (method.getName().equals("queue")) {
						return new QueuePage(rows, 0, false);
					}
					throw new UnsupportedOperationException(method.getName());
				});
	}
}
