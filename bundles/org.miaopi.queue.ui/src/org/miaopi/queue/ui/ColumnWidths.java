package org.miaopi.queue.ui;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * The width each column needs, measured in the table's own font (so they hold in Chinese, in English and at any
 * font size), never fixed pixels: the header with room for the sort arrow, and the widest of the
 * first page's texts and of the texts a column can show (OVERDUE 99 days, 秒批 容缺, ...).
 * TableColumn.pack() is not used: on a virtual table it would ask for every row. What the part's
 * width then allows is {@link org.miaopi.ui.api.ColumnFit}'s to decide.
 */
final class ColumnWidths {

	/** Cell padding on both sides, as GTK draws it. */
	private static final int PAD = 16;
	/** The sort arrow beside a header's text. */
	private static final int ARROW = 24;
	/** The urgency icon before the deadline text, with its gap. */
	private static final int ICON = 18;

	private ColumnWidths() {
	}

	/** Before any row is read: each header whole. */
	static int[] initial(Table table) {
		GC gc = new GC(table);
		try {
			TableColumn[] columns = table.getColumns();
			int[] widths = new int[columns.length];
			for (int c = 0; c < columns.length; c++) {
				widths[c] = header(gc, columns[c]);
			}
			return widths;
		} finally {
			gc.dispose();
		}
	}

	/** The header, the first rows and the widest known texts of each column: what each needs, whole. */
	static int[] fit(Table table, QueueCells cells, QueueRows rows) {
		GC gc = new GC(table);
		try {
			TableColumn[] columns = table.getColumns();
			int[] widths = new int[columns.length];
			int n = Math.min(rows.known(), org.miaopi.core.service.QueueQuery.PAGE_SIZE);
			for (int c = 0; c < columns.length; c++) {
				int extra = c == QueueCells.DEADLINE_COLUMN ? ICON : 0;
				int w = header(gc, columns[c]);
				for (String s : cells.widest(c)) {
					w = Math.max(w, gc.textExtent(s).x + PAD + extra);
				}
				for (int i = 0; i < n; i++) {
					QueueRow row = rows.get(i);
					if (row != null) {
						w = Math.max(w, gc.textExtent(cells.text(row, c)).x + PAD + extra);
					}
				}
				widths[c] = w;
			}
			return widths;
		} finally {
			gc.dispose();
		}
	}

	private static int header(GC gc, TableColumn c) {
		return gc.textExtent(c.getText()).x + PAD + ARROW;
	}
}
