package org.miaopi.queue.ui;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.miaopi.core.service.QueueSort;
import org.miaopi.ui.api.ColumnFit;

/**
 * The queue table's columns: their headers in display order, their widths (each header whole at
 * first, fitted once to the first rows), and the sort order a header click or the sort menu sets.
 * The store sorts; a change of order only asks the part to read the queue afresh.
 */
final class QueueHeader {

	private final Table table;
	private final TableColumn[] columns;
	/** Runs after a sort chosen by hand (header click, sort menu, {@link #sort}). */
	private final Runnable changed;
	private QueueSort sort = QueueSort.DEADLINE;
	private boolean descending;
	private int sortColumn = QueueCells.DEADLINE_COLUMN;
	private boolean fitted;
	private final String[] names;
	private final ColumnFit fit;

	QueueHeader(Table table, Runnable changed) {
		this.table = table;
		this.changed = changed;
		String[] names = { Messages.Queue_columnNumber, Messages.Queue_columnDeadline, Messages.Queue_columnApplicant,
				Messages.Queue_columnMatter, Messages.Queue_columnStatus, Messages.Queue_columnMismatches,
				Messages.Queue_columnMarkers, Messages.Queue_columnReceived, Messages.Queue_columnHolder };
		this.names = names;
		columns = new TableColumn[names.length];
		for (int i = 0; i < names.length; i++) {
			TableColumn column = new TableColumn(table, i == QueueCells.MISMATCH_COLUMN ? SWT.RIGHT : SWT.LEFT);
			// a count needs no wide header: the short one, the full name in the tooltip and the menus
			column.setText(i == QueueCells.MISMATCH_COLUMN ? Messages.Queue_columnMismatchesShort : names[i]);
			column.setToolTipText(NLS.bind(Messages.Queue_sortTip, names[i]));
			column.setMoveable(true);
			int index = i;
			column.addListener(SWT.Selection, e -> sortBy(index));
			columns[i] = column;
		}
		// what an officer scans first stays in view in a narrow part: the mismatch and 秒批/容缺 columns
		// come right after the deadline (display order only: the column indexes stay as they are)
		table.setColumnOrder(new int[] { 0, QueueCells.DEADLINE_COLUMN, QueueCells.MISMATCH_COLUMN,
				QueueCells.MARKERS_COLUMN, 2, 3, 4, QueueCells.HOLDER_COLUMN, 7 });
		fit = new ColumnFit(table, names);
		// in a narrow part (~500 px at 1280x800) the number, the deadline and the mismatches stay, the
		// applicant and the matter share what is left, and the markers, the received date, the status,
		// the holder and the matter are left out in that order while even their minimums do not fit:
		// their values then go on a second line under the applicant and the number (SecondLines), in
		// each row's tooltip, and the header's menu shows any column by hand
		fit.column(2, 1, fit.width("\u6b27\u9633\u4fee"), 7) //$NON-NLS-1$ three characters of a name
				.column(3, 2, fit.width("Graduate res\u2026"), 5) //$NON-NLS-1$
				.column(4, 0, 0, 4).column(QueueCells.MARKERS_COLUMN, 0, 0, 2).column(7, 0, 0, 3)
				.column(QueueCells.HOLDER_COLUMN, 0, 0, 4);
		fit.natural(ColumnWidths.initial(table));
	}

	/** A header click: by that column, or the other way round if it is the sorted one already. */
	private void sortBy(int column) {
		boolean reverse = column == sortColumn && !descending;
		sort = QueueCells.sortOf(column);
		sortColumn = column;
		descending = reverse;
		changed.run();
	}

	/** Sets the order and tells the part, as a header click does. */
	void sort(QueueSort order, boolean reversed) {
		set(order, reversed);
		changed.run();
	}

	/** Sets the order without telling the part (a saved filter being applied reads the queue itself). */
	void set(QueueSort order, boolean reversed) {
		sort = order;
		sortColumn = QueueCells.columnOf(order);
		descending = reversed;
	}

	/** How the columns fit the part's width (which are shown). */
	ColumnFit fit() {
		return fit;
	}

	QueueSort order() {
		return sort;
	}

	boolean descending() {
		return descending;
	}

	/** The sort arrow on the sorted column's header. */
	void mark() {
		table.setSortColumn(columns[sortColumn]);
		table.setSortDirection(descending ? SWT.DOWN : SWT.UP);
	}

	/** Fits the columns to the first rows, once: columns that jump at every filter change are worse than a tight one. */
	void fitOnce(QueueCells cells, QueueRows rows) {
		if (!fitted && rows.known() > 0) {
			fitted = true;
			fit.natural(ColumnWidths.fit(table, cells, rows));
		}
	}

	/** The sort menu (Ctrl+Shift+O): every column, the current one checked; choosing it again reverses it. */
	void showMenu() {
		Menu menu = new Menu(table);
		for (int i = 0; i < columns.length; i++) {
			// push items, the sorted one marked: radio items also fire when they lose the selection
			MenuItem item = new MenuItem(menu, SWT.PUSH);
			boolean current = i == sortColumn;
			item.setText(current ? names[i] + (descending ? "  \u25bc" : "  \u25b2") : names[i]); //$NON-NLS-1$ //$NON-NLS-2$
			int index = i;
			item.addListener(SWT.Selection, e -> sortBy(index));
		}
		// disposed once closed, after its item ran (GTK hides a menu before the item's selection arrives)
		menu.addListener(SWT.Hide, e -> menu.getDisplay().asyncExec(menu::dispose));
		menu.setLocation(table.toDisplay(0, table.getHeaderHeight()));
		menu.setVisible(true);
	}
}
