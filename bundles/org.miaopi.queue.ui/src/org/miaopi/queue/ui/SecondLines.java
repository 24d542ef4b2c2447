package org.miaopi.queue.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.miaopi.ui.api.ColumnFit;

/**
 * What a narrow queue leaves out stays in view: while the part is too narrow for the status, the
 * matter or the received date ({@link ColumnFit} leaves them out), each row has two lines, in grey
 * under the number its status and date received, under the applicant's name the matter and the
 * markers. So at the desk size (1280x800, the queue about 470 px wide) an officer reads number,
 * applicant, status, matter and deadline without maximising the part (a long matter name is cut,
 * whole in the row's tooltip); a wide part has one line per row and every column of its own.
 * <p>
 * The two lines are drawn here (SWT's owner draw), the cells keep their texts: tooltips, copying
 * and the tests read them as before. GTK does not make rows lower again once they grew, so a part
 * widened after it was narrow keeps tall rows with an empty second line until it is rebuilt.
 */
final class SecondLines {

	/** The columns whose text goes under the number, and under the applicant's name, when left out. */
	private static final int[] UNDER_NUMBER = { 4, 7 };
	private static final int[] UNDER_APPLICANT = { 3, QueueCells.MARKERS_COLUMN };
	private static final int APPLICANT = 2;
	private static final int RECEIVED = 7;
	/** The text's indent in a cell, as GTK draws it. */
	private static final int INDENT = 6;
	private static final String SEPARATOR = " \u00b7 "; //$NON-NLS-1$

	private final Table table;
	private final ColumnFit fit;
	private final Color grey;

	SecondLines(Table table, ColumnFit fit) {
		this.table = table;
		this.fit = fit;
		grey = new Color(96, 96, 96); // no OS resource to dispose in this SWT
		table.addListener(SWT.MeasureItem, this::measure);
		table.addListener(SWT.EraseItem, e -> {
			if (second((TableItem) e.item, e.index) != null) {
				e.detail &= ~SWT.FOREGROUND; // both lines drawn in paint
			}
		});
		table.addListener(SWT.PaintItem, this::paint);
	}

	/** Whether the rows have two lines: some column they would carry is left out. */
	boolean active() {
		return !fit.isShown(3) || !fit.isShown(4) || !fit.isShown(RECEIVED);
	}

	/** The second line of a cell: what its row shows there (null: the cell has one line). */
	String second(TableItem item, int column) {
		if (!active()) {
			return null;
		}
		int[] under = column == 0 ? UNDER_NUMBER : column == APPLICANT ? UNDER_APPLICANT : null;
		if (under == null) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		for (int c : under) {
			String text = item.getText(c);
			if (!fit.isShown(c) && !text.isBlank()) {
				parts.add(text);
			}
		}
		return parts.isEmpty() ? null : String.join(SEPARATOR, parts);
	}

	private void measure(Event e) {
		if (active()) {
			GC gc = e.gc;
			e.height = Math.max(e.height, 2 * gc.getFontMetrics().getHeight() + 6);
		}
	}

	private void paint(Event e) {
		TableItem item = (TableItem) e.item;
		if ((e.detail & SWT.SELECTED) != 0 && item.getImage(e.index) != null) {
			// GTK keeps the urgency icon's room in a selected row with owner draw, but leaves it empty
			Rectangle at = item.getImageBounds(e.index);
			e.gc.drawImage(item.getImage(e.index), at.x, at.y + Math.max(0, (at.height - item.getImage(e.index).getBounds().height) / 2));
		}
		String second = second(item, e.index);
		if (second == null) {
			return;
		}
		GC gc = e.gc;
		Rectangle cell = item.getBounds(e.index);
		int width = cell.width - 2 * INDENT;
		int line = gc.getFontMetrics().getHeight();
		int top = cell.y + Math.max(0, (cell.height - 2 * line) / 2);
		boolean selected = (e.detail & SWT.SELECTED) != 0;
		Color text = selected ? table.getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION_TEXT) : item.getForeground(e.index);
		gc.setForeground(text);
		gc.drawText(cut(gc, item.getText(e.index), width), cell.x + INDENT, top, true);
		gc.setForeground(selected ? text : grey);
		gc.drawText(cut(gc, second, width), cell.x + INDENT, top + line, true);
	}

	/** {@code s}, shortened with an ellipsis to {@code width} pixels (the cell's tooltip gives it whole). */
	static String cut(GC gc, String s, int width) {
		if (gc.textExtent(s).x <= width) {
			return s;
		}
		String ellipsis = "\u2026"; //$NON-NLS-1$
		int n = s.length();
		while (n > 0 && gc.textExtent(s.substring(0, n) + ellipsis).x > width) {
			n--;
		}
		return s.substring(0, n) + ellipsis;
	}
}
