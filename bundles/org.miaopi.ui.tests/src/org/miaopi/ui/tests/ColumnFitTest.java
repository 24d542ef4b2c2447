package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.dossier.ui.ComparisonPart;
import org.miaopi.queue.ui.QueuePart;
import org.miaopi.queue.ui.QueueRows;
import org.miaopi.ui.api.ColumnFit;
import org.miaopi.ui.api.Topics;

/**
 * At the desk size (1280x800) the queue and the comparison show their columns without a sideways
 * scroll: what does not fit is left out, lowest value first, and said in each row's tooltip; the
 * header's menu brings any column back by hand. The queue reads on page after page by keyset.
 */
class ColumnFitTest {

	private static final Set<String> USED = new HashSet<>();
	private QueuePart queue;

	@BeforeEach
	void signIn() {
		DeskFixture.signIn(DeskFixture.OFFICER);
		queue = DeskFixture.part(Topics.PART_QUEUE, QueuePart.class);
		queue.filter(null, null);
		shell().setSize(1280, 800);
		Workbench.processEvents();
	}

	@AfterEach
	void fitAgain() {
		for (int c = 0; c < queue.getTable().getColumnCount(); c++) {
			queue.getColumnFit().choose(c, null);
		}
		shell().setSize(1280, 800);
		Workbench.processEvents();
	}

	private static Shell shell() {
		return (Shell) Workbench.find("org.miaopi.ui.window", MWindow.class).getWidget();
	}

	/** What an officer shows or hides by hand is kept with the part (the workbench saves it), and taken back from there. */
	@Test
	void columnsChosenByHandAreKeptWithThePart() {
		ColumnFit fit = queue.getColumnFit();
		fit.choose(7, true);
		fit.choose(4, false);
		Workbench.processEvents();
		MPart part = Workbench.find(Topics.PART_QUEUE, MPart.class);
		String kept = part.getPersistedState().get("miaopi.columns"); //$NON-NLS-1$
		assertNotNull(kept, "the choices are in the part's persisted state"); //$NON-NLS-1$
		assertEquals(queue.getTable().getColumnCount(), kept.length(), kept);
		assertEquals('+', kept.charAt(7), kept);
		assertEquals('-', kept.charAt(4), kept);
		assertEquals('.', kept.charAt(0), kept);

		// as after a restart: automatic again, then the kept choices taken back
		fit.restore(".".repeat(kept.length())); //$NON-NLS-1$
		Workbench.processEvents();
		assertFalse(fit.isShown(7), "left out again by the width"); //$NON-NLS-1$
		fit.restore(kept);
		Workbench.processEvents();
		assertTrue(fit.isShown(7), "shown by the kept choice"); //$NON-NLS-1$
		assertFalse(fit.isShown(4), "hidden by the kept choice"); //$NON-NLS-1$
		fit.restore("+-"); // another set of columns: ignored //$NON-NLS-1$
		assertTrue(fit.isShown(7) && !fit.isShown(4));
	}

	@Test
	void theQueueFitsItsWidthAndTellsWhatItLeftOutInTheRowsTooltip() throws Exception {
		Table table = queue.getTable();
		ColumnFit fit = queue.getColumnFit();
		assertFits(table);
		for (int c : new int[] { 0, 1, 5 }) { // number, deadline, mismatches
			assertTrue(fit.isShown(c), "column " + c + " is always shown");
		}
		assertTrue(fit.isShown(2), "the applicant fits at 1280x800");
		assertFalse(fit.isShown(7), "the received date is left out first");
		TableItem first = table.getItem(0);
		Rectangle number = first.getBounds(0);
		String tip = fit.tipText(first, number.x + 2, number.y + 2);
		assertNotNull(tip, "the row's tooltip gives the columns left out");
		assertTrue(tip.contains(first.getText(7)), tip);
		Screenshots.take("queue-columns-1280x800");

		fit.choose(7, true);
		Workbench.processEvents();
		assertTrue(fit.isShown(7) && table.getColumn(7).getWidth() > 0, "shown by hand from the header's menu");
		fit.choose(7, null);
		Workbench.processEvents();
		assertFalse(fit.isShown(7), "fitting to the width again leaves it out");

		int shown = count(fit, table);
		shell().setSize(2200, 1000);
		Workbench.processEvents();
		assertFits(table);
		assertTrue(count(fit, table) > shown, "a wider queue shows more columns");
	}

	/** What an officer needs of each row is on screen at the desk size, in a column or on the row's second line. */
	@Test
	void atTheDeskSizeEveryRowShowsNumberApplicantMatterStatusReceivedAndDeadline() throws Exception {
		Table table = queue.getTable();
		ColumnFit fit = queue.getColumnFit();
		assertTrue(table.getItemCount() > 0);
		for (int c : new int[] { 0, 1, 2 }) { // number, deadline, applicant: columns of their own
			assertTrue(fit.isShown(c) && table.getColumn(c).getWidth() >= fit.width("\u6b27\u9633\u4fee"), "column " + c);
		}
		for (int i = 0; i < Math.min(5, table.getItemCount()); i++) {
			TableItem item = table.getItem(i);
			// status and received under the number, the matter under the applicant's name, when not a column
			for (int[] c : new int[][] { { 4, 0 }, { 7, 0 }, { 3, 2 } }) {
				String under = queue.getSecondLine(item, c[1]);
				assertTrue(fit.isShown(c[0]) || under != null && under.contains(item.getText(c[0])),
						"row " + i + " shows " + item.getText(c[0]) + ": under column " + c[1] + " is " + under);
			}
		}
		Screenshots.take("queue-second-lines-1280x800");
		// a wide queue has every column of its own and rows of one line
		shell().setSize(2600, 1000);
		Workbench.processEvents();
		if (fit.isShown(3) && fit.isShown(4) && fit.isShown(7)) {
			assertEquals(null, queue.getSecondLine(table.getItem(0), 2));
		}
	}

	@Test
	void theComparisonKeepsBothValuesSideBySideAndTheSourceInTheTooltip() throws Exception {
		Dossier d = DeskFixture.pick(DossierStatus.IN_REVIEW, true, USED);
		USED.add(d.number());
		Workbench.application().getContext().get(IEventBroker.class).send(Topics.DOSSIER_OPENED, d);
		Workbench.processEvents();
		ComparisonPart comparison = DeskFixture.part(Topics.PART_COMPARISON, ComparisonPart.class);
		Table table = comparison.getTable();
		ColumnFit fit = comparison.getColumnFit();
		assertTrue(table.getItemCount() > 0);
		assertFits(table);
		assertTrue(fit.isShown(2) && fit.isShown(3), "declared and recorded are shown");
		assertTrue(Math.abs(table.getColumn(2).getWidth() - table.getColumn(3).getWidth()) <= 3,
				"declared and recorded share the width equally: " + widths(table));
		if (!fit.isShown(4)) {
			TableItem item = table.getItem(0);
			Rectangle cell = item.getBounds(0);
			String tip = fit.tipText(item, cell.x + 2, cell.y + 2);
			assertNotNull(tip);
			assertTrue(tip.contains(item.getText(4)), "the source left out is in the tooltip: " + tip);
		}
		Screenshots.take("comparison-columns-1280x800");
	}

	@Test
	void scrollingOnReadsEachNextPageByKeysetAndAJumpByNumber() {
		QueueRows rows = queue.getRows();
		QueueRows fresh = new QueueRows(DeskFixture.service(org.miaopi.core.service.DossierService.class),
				Workbench.application().getContext().get(org.miaopi.ui.api.MatterCatalog.class), DeskFixture.officer(DeskFixture.OFFICER),
				rows.query(), java.time.LocalDate.now());
		int pages = 0;
		for (int i = 0; fresh.get(i) != null; i += QueueQuery.PAGE_SIZE) {
			pages++;
		}
		assertTrue(pages > 2, "several pages: " + pages);
		assertEquals(fresh.pagesFetched() - 1, fresh.pagesByKey(), "every page after the first read on by keyset");
		QueueRows jump = new QueueRows(DeskFixture.service(org.miaopi.core.service.DossierService.class),
				Workbench.application().getContext().get(org.miaopi.ui.api.MatterCatalog.class), DeskFixture.officer(DeskFixture.OFFICER),
				rows.query(), java.time.LocalDate.now());
		assertEquals(fresh.get(2 * QueueQuery.PAGE_SIZE + 3).dossier().number(),
				jump.get(2 * QueueQuery.PAGE_SIZE + 3).dossier().number(), "a jump by number finds the same row");
		assertEquals(0, jump.pagesByKey());
	}

	private static int count(ColumnFit fit, Table table) {
		int n = 0;
		for (int c = 0; c < table.getColumnCount(); c++) {
			n += fit.isShown(c) ? 1 : 0;
		}
		return n;
	}

	private static String widths(Table table) {
		StringBuilder b = new StringBuilder();
		for (int c = 0; c < table.getColumnCount(); c++) {
			b.append(table.getColumn(c).getWidth()).append(' ');
		}
		return b + "in " + table.getClientArea().width + " px; table " + table.getBounds() + " in " + table.getParent().getClientArea();
	}

	/** No sideways scroll: the shown columns' widths add up to the visible width at most. */
	private static void assertFits(Table table) {
		int sum = 0;
		for (int c = 0; c < table.getColumnCount(); c++) {
			sum += table.getColumn(c).getWidth();
		}
		int visible = table.getClientArea().width;
		assertTrue(visible > 100, "the table is laid out: " + visible);
		assertTrue(sum <= visible, "columns " + sum + " px in " + visible + " px: " + widths(table));
		assertTrue(table.getBounds().x + table.getBounds().width <= table.getParent().getClientArea().width,
				"the table is within its part: " + widths(table));
	}
}
