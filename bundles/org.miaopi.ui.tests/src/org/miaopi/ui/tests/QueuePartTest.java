package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.QueueSort;
import org.miaopi.queue.ui.QueuePart;
import org.miaopi.queue.ui.QueueRow;
import org.miaopi.queue.ui.QueueRows;
import org.miaopi.queue.ui.SavedFilter;
import org.miaopi.queue.ui.SavedFilters;
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
		queue.sort(QueueSort.DEADLINE, false);
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
	void aSearchWithNoResultShowsAnEmptyStateNotAnError() throws Exception {
		queue.getSearch().setText("\u5c1a\u65e0\u6b64\u4eba Nobody-here");
		queue.reload();
		Workbench.processEvents();
		assertEquals(0, queue.getTable().getItemCount());
		assertEquals(null, queue.getRows().get(-1), "no row before the first");
		assertEquals(null, queue.getRows().get(0), "and none at all");
		org.miaopi.ui.api.EmptyState empty = Widgets.visibleEmptyState(queue.getTable().getParent());
		assertTrue(empty != null && empty.getTitle().startsWith("No dossier matches"), "the empty state shows");
		assertTrue(empty.getHint().contains("Clear the search"), empty.getHint());
		Screenshots.take("queue-empty-search");
		queue.getSearch().setText("");
		queue.reload();
		assertEquals(null, Widgets.visibleEmptyState(queue.getTable().getParent()), "rows again, no empty state");
	}

	@Test
	void aMatterOfAnotherDepartmentShowsAnEmptyStateNotAnError() {
		queue.filter("ELDER-ALLOWANCE", null); // the civil affairs bureau's matter, not the public security bureau's
		Workbench.processEvents();
		assertEquals(0, queue.getTable().getItemCount());
		org.miaopi.ui.api.EmptyState empty = Widgets.visibleEmptyState(queue.getTable().getParent());
		assertTrue(empty != null && empty.getHint().contains("All matters"), "the empty state says what to do");
	}

	@Test
	void decidedDossiersShowWhetherTheyWereDecidedOnTimeNotACountdown() {
		queue.filter(null, DossierStatus.CERTIFICATE_ISSUED);
		Workbench.processEvents();
		Table table = queue.getTable();
		assertTrue(table.getItemCount() > 0, "the demo has issued certificates");
		for (int i = 0; i < Math.min(20, table.getItemCount()); i++) {
			String deadline = table.getItem(i).getText(1);
			assertTrue(deadline.matches("(On time|Late): \\d+/\\d+ days?"), "row " + i + ": " + deadline);
			assertEquals(null, table.getItem(i).getImage(1), "no overdue or at-risk mark on a decided dossier: " + deadline);
		}
	}

	@Test
	void theStatusFilterOffersAllStatusesAndTheCountSaysOneDossier() {
		Combo status = Widgets.comboWith(queue.getTable().getParent(), "Open (to work on)");
		int all = status.indexOf("All statuses");
		assertTrue(all >= 0, "an All statuses choice: " + java.util.Arrays.toString(status.getItems()));
		status.select(all);
		status.notifyListeners(SWT.Selection, new Event());
		List<Dossier> rows = all(queue.getRows());
		assertTrue(rows.stream().anyMatch(d -> QueueQuery.OPEN.contains(d.status())), "open ones");
		assertTrue(rows.stream().anyMatch(d -> !QueueQuery.OPEN.contains(d.status())), "and closed ones");
		queue.getSearch().setText(rows.get(0).number());
		queue.reload();
		assertEquals(1, queue.getTable().getItemCount());
		assertTrue(Widgets.labelMatching(queue.getTable().getParent(), "1 dossier") != null, "one dossier, singular");
	}

	@Test
	void afterADecisionTheQueueSelectionAndThePartsAgree() {
		// the officer works in the queue: it is the active part, whose selection the others follow
		org.eclipse.e4.ui.model.application.ui.basic.MPart part = Workbench.find(QueuePart.ID,
				org.eclipse.e4.ui.model.application.ui.basic.MPart.class);
		Workbench.application().getContext().get(org.eclipse.e4.ui.workbench.modeling.EPartService.class).activate(part);
		Workbench.processEvents();
		org.eclipse.e4.ui.workbench.modeling.ESelectionService selection = part.getContext()
				.get(org.eclipse.e4.ui.workbench.modeling.ESelectionService.class);
		queue.getTable().setSelection(2);
		queue.getTable().notifyListeners(SWT.Selection, new Event());
		queue.openSelected();
		Dossier shown = queue.getRows().get(2).dossier();
		// what a decision sends: the dossier in its new status, which leaves the open queue
		Dossier decided = new Dossier(shown.number(), shown.matterCode(), shown.themeDossierNo(), shown.applicant(),
				shown.declaredData(), shown.materials(), shown.received(), shown.deadline(), DossierStatus.WITHDRAWN,
				shown.assignedOfficerId(), shown.departmentCode());
		Workbench.application().getContext().get(org.eclipse.e4.core.services.events.IEventBroker.class)
				.send(Topics.DOSSIER_CHANGED, decided);
		Workbench.processEvents();
		int i = queue.getTable().getSelectionIndex();
		String selectedInQueue = i < 0 ? null : queue.getTable().getItem(i).getText(0);
		assertTrue(selectedInQueue == null || selectedInQueue.equals(shown.number()),
				"the queue selects no other dossier than the one the parts show: " + selectedInQueue);
		Object selected = selection.getSelection();
		assertTrue(selected == null || selected instanceof Dossier d && d.number().equals(shown.number()),
				"the selection service agrees: " + selected);
	}

	@Test
	void aHeaderClickSortsEveryRowInTheStoreAndAgainReverses() throws Exception {
		Table table = queue.getTable();
		int applicant = 2;
		click(table.getColumn(applicant));
		assertEquals(QueueSort.APPLICANT, queue.sortOrder());
		assertEquals(table.getColumn(applicant), table.getSortColumn(), "the arrow is on the clicked column");
		assertEquals(SWT.UP, table.getSortDirection());
		List<Dossier> up = all(queue.getRows());
		assertTrue(up.size() > QueueQuery.PAGE_SIZE, "several pages: " + up.size());
		Collator pinyin = Collator.getInstance(ULocale.CHINA);
		for (int i = 1; i < up.size(); i++) {
			assertTrue(pinyin.compare(up.get(i - 1).applicant().name(), up.get(i).applicant().name()) <= 0, "at " + i);
		}
		assertEquals(up.get(0).applicant().name(), table.getItem(0).getText(applicant), "the table shows that order");
		click(table.getColumn(applicant));
		assertEquals(SWT.DOWN, table.getSortDirection());
		List<Dossier> down = all(queue.getRows());
		assertEquals(up.stream().map(d -> d.applicant().name()).toList().reversed(),
				down.stream().map(d -> d.applicant().name()).toList(), "the names the other way round");
		for (int i = 1; i < down.size(); i++) {
			if (down.get(i - 1).applicant().name().equals(down.get(i).applicant().name())) {
				assertTrue(!down.get(i - 1).deadline().isAfter(down.get(i).deadline()),
						"reversed or not, a tie goes nearest deadline first: at " + i);
			}
		}
		Screenshots.take("queue-sorted");
		click(table.getColumn(1));
		assertEquals(QueueSort.DEADLINE, queue.sortOrder());
		assertFalse(queue.isDescending(), "another column starts ascending");
	}

	@Test
	void everyColumnSortsByItsOwnKey() {
		for (int c = 0; c < queue.getTable().getColumnCount(); c++) {
			click(queue.getTable().getColumn(c));
			List<QueueRow> rows = allRows(queue.getRows());
			for (int i = 1; i < rows.size(); i++) {
				QueueRow a = rows.get(i - 1);
				QueueRow b = rows.get(i);
				int cmp = switch (queue.sortOrder()) {
					case NUMBER -> a.dossier().number().compareTo(b.dossier().number());
					case DEADLINE -> a.dossier().deadline().compareTo(b.dossier().deadline());
					case APPLICANT -> Collator.getInstance(ULocale.CHINA).compare(a.dossier().applicant().name(),
							b.dossier().applicant().name());
					case MATTER -> a.dossier().matterCode().compareTo(b.dossier().matterCode());
					case STATUS -> a.dossier().status().compareTo(b.dossier().status());
					case MISMATCHES -> Integer.compare(a.attention(), b.attention());
					case RECEIVED -> a.dossier().received().compareTo(b.dossier().received());
				};
				assertTrue(cmp <= 0, "column " + c + " " + queue.sortOrder() + " at row " + i);
			}
		}
	}

	@Test
	void savedFiltersAreKeptPerOfficerAppliedFromTheComboRenamedAndDeleted() throws Exception {
		SavedFilters saved = queue.savedFilters();
		saved.all().forEach(f -> saved.delete(f.name()));
		queue.filter("NO-CRIMINAL-RECORD", DossierStatus.IN_REVIEW);
		queue.sort(QueueSort.RECEIVED, true);
		queue.saveFilter("无犯罪 审查中");
		queue.filter(null, null);
		queue.sort(QueueSort.DEADLINE, false);
		queue.saveFilter("all open");
		assertEquals(List.of("all open", "无犯罪 审查中"), saved.all().stream().map(SavedFilter::name).toList());
		// what a restart reads: the officer's node in the workbench's preference file, written through
		Path prefs = Path.of(Platform.getInstanceLocation().getURL().toURI())
				.resolve(".metadata/.plugins/org.eclipse.core.runtime/.settings/org.miaopi.queue.ui.prefs");
		assertTrue(Files.readString(prefs).contains("RECEIVED"), "saved to " + prefs);
		SavedFilter reread = new SavedFilters(InstanceScope.INSTANCE.getNode("org.miaopi.queue.ui"), DeskFixture.OFFICER)
				.find("无犯罪 审查中");
		assertEquals(new SavedFilter("无犯罪 审查中", java.util.EnumSet.of(DossierStatus.IN_REVIEW), "NO-CRIMINAL-RECORD",
				null, QueueSort.RECEIVED, true), reread);
		assertTrue(new SavedFilters(InstanceScope.INSTANCE.getNode("org.miaopi.queue.ui"), "someone.else").all().isEmpty(),
				"another officer has his own");

		Combo combo = queue.getSavedFilterCombo();
		combo.select(combo.indexOf("无犯罪 审查中"));
		combo.notifyListeners(SWT.Selection, new Event());
		assertEquals(QueueSort.RECEIVED, queue.sortOrder());
		assertTrue(queue.isDescending());
		List<Dossier> applied = all(queue.getRows());
		assertFalse(applied.isEmpty());
		assertTrue(applied.stream().allMatch(d -> d.matterCode().equals("NO-CRIMINAL-RECORD")
				&& d.status() == DossierStatus.IN_REVIEW), "the saved filter is applied");
		for (int i = 1; i < applied.size(); i++) {
			assertFalse(applied.get(i).received().isAfter(applied.get(i - 1).received()), "latest received first");
		}
		assertEquals("无犯罪 审查中", queue.chosenFilter().name());
		Screenshots.take("queue-saved-filter");

		queue.renameFilter("无犯罪 审查中", "in review: no criminal record");
		assertEquals("in review: no criminal record", queue.chosenFilter().name());
		assertThrows(IllegalArgumentException.class, () -> queue.renameFilter("all open", "in review: no criminal record"),
				"a name another filter has");
		queue.deleteFilter("in review: no criminal record");
		assertEquals(List.of("all open"), saved.all().stream().map(SavedFilter::name).toList());
		assertEquals(null, queue.chosenFilter());
		queue.filter(null, DossierStatus.APPROVED);
		assertEquals(null, queue.chosenFilter(), "a filter changed by hand is no saved one");
		saved.delete("all open");
	}

	private static void click(TableColumn column) {
		column.notifyListeners(SWT.Selection, new Event());
		Workbench.processEvents();
	}

	static List<QueueRow> allRows(QueueRows rows) {
		List<QueueRow> out = new ArrayList<>();
		for (int i = 0;; i++) {
			QueueRow r = rows.get(i);
			if (r == null) {
				return out;
			}
			out.add(r);
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
