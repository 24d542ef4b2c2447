package org.miaopi.queue.ui;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.miaopi.core.service.QueueSort;

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

	QueueHeader(Table table, Runnable changed) {
		this.table = table;
		this.changed = changed;
		String[] names = { Messages.Queue_columnNumber, Messages.Queue_columnDeadline, Messages.Queue_columnApplicant,
				Messages.Queue_columnMatter, Messages.Queue_columnStatus, Messages.Queue_columnMismatches,
				Messages.Queue_columnMarkers, Messages.Queue_columnReceived };
		columns = new TableColumn[names.length];
		for (int i = 0; i < names.length; i++) {
			TableColumn column = new TableColumn(table, i == QueueCells.MISMATCH_COLUMN ? SWT.RIGHT : SWT.LEFT);
			column.setText(names[i]);
			column.setToolTipText(NLS.bind(Messages.Queue_sortTip, names[i]));
			column.setMoveable(true);
			int index = i;
			column.addListener(SWT.Selection, e -> sortBy(index));
			columns[i] = column;
		}
		// what an officer scans first stays in view in a narrow part: the mismatch and 秒批/容缺 columns
		// come right after the deadline (display order only: the column indexes stay as they are)
		table.setColumnOrder(new int[] { 0, QueueCells.DEADLINE_COLUMN, QueueCells.MISMATCH_COLUMN,
				QueueCells.MARKERS_COLUMN, 2, 3, 4, 7 });
		ColumnWidths.initial(table);
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
			ColumnWidths.fit(table, cells, rows);
		}
	}

	/** The sort menu (Ctrl+Shift+O): every column, the current one checked; choosing it again reverses it. */
	void showMenu() {
		Menu menu = new Menu(table);
		for (int i = 0; i < columns.length; i++) {
			// push items, the sorted one marked: radio items also fire when they lose the selection
			MenuItem item = new MenuItem(menu, SWT.PUSH);
			boolean current = i == sortColumn;
			item.setText(current ? columns[i].getText() + (descending ? "  \u25bc" : "  \u25b2") : columns[i].getText()); //$NON-NLS-1$ //$NON-NLS-2$
			int index = i;
			item.addListener(SWT.Selection, e -> sortBy(index));
		}
		// disposed once closed, after its item ran (GTK hides a menu before the item's selection arrives)
		menu.addListener(SWT.Hide, e -> menu.getDisplay().asyncExec(menu::dispose));
		menu.setLocation(table.toDisplay(0, table.getHeaderHeight()));
		menu.setVisible(true);
	}
}
