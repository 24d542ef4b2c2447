package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.queue.ui.QueuePart;
import org.miaopi.queue.ui.QueueRow;
import org.miaopi.queue.ui.QueueRows;
import org.miaopi.ui.api.Topics;

/** The queue over 1,000 demo dossiers, signed in as an officer of the public security bureau. */
class QueuePartTest {

	private QueuePart queue;

	@BeforeEach
	void signIn() {
		DeskFixture.signIn(DeskFixture.OFFICER);
		queue = DeskFixture.part(Topics.PART_QUEUE, QueuePart.class);
		queue.filter(null, null);
		Workbench.processEvents();
	}

	@AfterEach
	void clearFilters() {
		queue.getSearch().setText("");
		queue.filter(null, null);
	}

	@Test
	void showsTheDepartmentsOpenDossiersOnlyNearestDeadlineFirst() throws Exception {
		List<Dossier> all = all(queue.getRows());
		assertTrue(all.size() > QueueQuery.PAGE_SIZE, "more than one page: " + all.size());
		LocalDate previous = LocalDate.MIN;
		for (Dossier d : all) {
			assertEquals(DeskFixture.DEPARTMENT, d.departmentCode(), d.number());
			assertTrue(QueueQuery.OPEN.contains(d.status()), d.number() + " is open: " + d.status());
			assertFalse(d.deadline().isBefore(previous), "ordered by deadline at " + d.number());
			previous = d.deadline();
		}
		assertEquals(all.get(0).number(), queue.getTable().getItem(0).getText(0), "the table paints the first row");
		assertTrue(queue.getTable().getItemCount() >= QueueQuery.PAGE_SIZE, "a page of items");
		Screenshots.take("queue");
	}

	@Test
	void filtersByMatterAndStatus() {
		queue.filter("NO-CRIMINAL-RECORD", null);
		List<Dossier> matter = all(queue.getRows());
		assertFalse(matter.isEmpty());
		assertTrue(matter.stream().allMatch(d -> d.matterCode().equals("NO-CRIMINAL-RECORD")), "one matter only");
		queue.filter(null, DossierStatus.IN_REVIEW);
		List<Dossier> inReview = all(queue.getRows());
		assertFalse(inReview.isEmpty());
		assertTrue(inReview.stream().allMatch(d -> d.status() == DossierStatus.IN_REVIEW), "one status only");
	}

	@Test
	void searchNarrowsToTheTypedApplicant() {
		List<Dossier> before = all(queue.getRows());
		Dossier some = before.get(3);
		queue.getSearch().setText(some.applicant().subjectId());
		queue.reload();
		List<Dossier> found = all(queue.getRows());
		assertTrue(found.stream().anyMatch(d -> d.number().equals(some.number())), "the searched dossier is found");
		assertTrue(found.size() < before.size(), "and the others are not: " + found.size());
		assertTrue(found.stream().allMatch(d -> d.applicant().subjectId().equals(some.applicant().subjectId())));
	}

	@Test
	void sortingByApplicantOrdersEveryRow() {
		QueueRows rows = queue.getRows();
		assertTrue(rows.sort(java.util.Comparator.comparing((QueueRow r) -> r.dossier().applicant().name())));
		List<Dossier> sorted = all(rows);
		for (int i = 1; i < sorted.size(); i++) {
			assertTrue(sorted.get(i - 1).applicant().name().compareTo(sorted.get(i).applicant().name()) <= 0);
		}
	}

	/** Every row of the filtered queue, paging as the table would. */
	static List<Dossier> all(QueueRows rows) {
		List<Dossier> out = new ArrayList<>();
		for (int i = 0;; i++) {
			QueueRow r = rows.get(i);
			if (r == null) {
				return out;
			}
			out.add(r.dossier());
		}
	}
}
