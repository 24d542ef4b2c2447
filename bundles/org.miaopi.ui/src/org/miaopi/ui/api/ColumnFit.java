package org.miaopi.ui.api;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.miaopi.ui.Messages;

/**
 * Fits a table's columns to its visible width, so a part never needs a sideways scroll for what it
 * shows (TableColumnLayout's weights, plus what that lacks): fixed columns keep their natural width,
 * weighted ones share the rest (never below their minimum). When even the minimums do not fit,
 * the columns of lowest priority are left out, lowest first, until they do; a wider part shows
 * them again. The header's context menu (right-click, or the menu key) shows or hides any column
 * by hand, which then stays so; "fit to the width" returns to automatic. A cell's tooltip gives
 * its text when the column cuts it, and the row's values in the columns left out.
 */
public final class ColumnFit {

	/** Never left out for lack of room. */
	public static final int ALWAYS = Integer.MAX_VALUE;
	/** Cell padding on both sides, as GTK draws it. */
	private static final int PAD = 16;

	private final Table table;
	private final String[] names;
	private final int[] natural;
	private final int[] minimum;
	private final int[] weight;
	private final int[] priority;
	/** null: automatic; TRUE or FALSE: shown or hidden by hand. */
	private final Boolean[] chosen;
	private final boolean[] shown;
	private boolean laying;
	private Runnable onChoice = () -> {
	};

	/**
	 * @param names the columns' full names for the menu and the tooltips (a header may be shorter)
	 */
	public ColumnFit(Table table, String... names) {
		this.table = table;
		this.names = names.clone();
		int n = names.length;
		natural = new int[n];
		minimum = new int[n];
		weight = new int[n];
		priority = new int[n];
		chosen = new Boolean[n];
		shown = new boolean[n];
		java.util.Arrays.fill(priority, ALWAYS);
		java.util.Arrays.fill(shown, true);
		table.addListener(SWT.Resize, e -> layout());
		table.addListener(SWT.MenuDetect, this::menu);
		table.addListener(SWT.MouseMove, this::tip); // each cell its own tooltip; GTK times its showing
	}

	/**
	 * How column {@code c} fits: {@code weight} 0 keeps its natural width, more shares what is left
	 * in that proportion, never below {@code minimum}; {@code priority}: lower is left out first
	 * ({@link #ALWAYS}: never).
	 */
	public ColumnFit column(int c, int weight, int minimum, int priority) {
		this.weight[c] = weight;
		this.minimum[c] = minimum;
		this.priority[c] = priority;
		return this;
	}

	/** The width column {@code c} needs for its header and texts; lays the table out again. */
	public void natural(int[] widths) {
		System.arraycopy(widths, 0, natural, 0, natural.length);
		layout();
	}

	/** The width {@code text} needs in a cell of this table. */
	public int width(String text) {
		GC gc = new GC(table);
		try {
			return gc.textExtent(text).x + PAD;
		} finally {
			gc.dispose();
		}
	}

	public boolean isShown(int c) {
		return shown[c];
	}

	/** Shows ({@code TRUE}) or hides ({@code FALSE}) a column by hand, or lets the width decide ({@code null}). */
	public void choose(int c, Boolean show) {
		chosen[c] = show;
		layout();
		onChoice.run();
	}

	/** Told after every choice made from the header's menu, e.g. to keep it with the part. */
	public void onChoice(Runnable listener) {
		onChoice = listener;
	}

	/** The choices made by hand, one character per column: '+' shown, '-' hidden, '.' left to the width. */
	public String choices() {
		StringBuilder b = new StringBuilder();
		for (Boolean c : chosen) {
			b.append(c == null ? '.' : c ? '+' : '-');
		}
		return b.toString();
	}

	/** Takes back what {@link #choices()} gave; text for another set of columns (or none) changes nothing. */
	public void restore(String choices) {
		if (choices == null || choices.length() != chosen.length || !choices.matches("[.+-]*")) { //$NON-NLS-1$
			return;
		}
		for (int c = 0; c < chosen.length; c++) {
			char k = choices.charAt(c);
			chosen[c] = k == '.' ? null : k == '+';
		}
		layout();
	}

	public void layout() {
		int width = table.getClientArea().width;
		if (laying || width <= 0 || table.isDisposed()) {
			return;
		}
		laying = true;
		try {
			int n = names.length;
			for (int c = 0; c < n; c++) {
				shown[c] = chosen[c] != Boolean.FALSE;
			}
			while (need() > width) {
				int out = -1;
				for (int c = 0; c < n; c++) {
					if (shown[c] && chosen[c] == null && priority[c] != ALWAYS && (out < 0 || priority[c] < priority[out])) {
						out = c;
					}
				}
				if (out < 0) {
					break; // what is left was asked for: a sideways scroll then is the officer's choice
				}
				shown[out] = false;
			}
			int[] w = widths(width);
			TableColumn[] columns = table.getColumns();
			for (int c = 0; c < n; c++) {
				columns[c].setResizable(shown[c]);
				if (columns[c].getWidth() != w[c]) {
					columns[c].setWidth(w[c]); // 0 hides it
				}
			}
		} finally {
			laying = false;
		}
	}

	private int need() {
		int sum = 0;
		for (int c = 0; c < names.length; c++) {
			if (shown[c]) {
				sum += weight[c] == 0 ? natural[c] : Math.min(minimum[c], natural[c]);
			}
		}
		return sum;
	}

	/** Fixed columns at their natural width; the weighted ones share the rest, none below its minimum. */
	private int[] widths(int width) {
		int n = names.length;
		int[] w = new int[n];
		int rest = width;
		List<Integer> flexible = new ArrayList<>();
		for (int c = 0; c < n; c++) {
			if (shown[c] && weight[c] == 0) {
				w[c] = natural[c];
				rest -= w[c];
			} else if (shown[c]) {
				flexible.add(c);
			}
		}
		boolean clamped = true;
		while (clamped && !flexible.isEmpty()) {
			clamped = false;
			int total = flexible.stream().mapToInt(c -> weight[c]).sum();
			for (int c : List.copyOf(flexible)) {
				if (rest * weight[c] / total < minimum[c]) {
					w[c] = minimum[c];
					rest -= w[c];
					flexible.remove((Integer) c);
					clamped = true;
					break; // the others' shares change with the rest: again from the start
				}
			}
		}
		int total = flexible.stream().mapToInt(c -> weight[c]).sum();
		int left = rest;
		for (int i = 0; i < flexible.size(); i++) {
			int c = flexible.get(i);
			w[c] = i == flexible.size() - 1 ? left : rest * weight[c] / total;
			left -= w[c];
		}
		if (flexible.isEmpty() && rest > 0) {
			w[lastShown()] += rest; // no weighted column shown: the last one takes the room left
		}
		return w;
	}

	private int lastShown() {
		int[] order = table.getColumnOrder();
		for (int i = order.length - 1; i >= 0; i--) {
			if (shown[order[i]]) {
				return order[i];
			}
		}
		return 0;
	}

	/** The header's menu: every column, checked when shown; then back to fitting by the width. */
	private void menu(Event e) {
		Point p = table.toControl(e.x, e.y);
		Rectangle area = table.getClientArea();
		boolean header = e.detail == SWT.MENU_KEYBOARD || p.y >= area.y && p.y < area.y + table.getHeaderHeight();
		if (!header) {
			return;
		}
		e.doit = false;
		Menu menu = new Menu(table);
		int showing = 0;
		for (boolean s : shown) {
			showing += s ? 1 : 0;
		}
		for (int c : table.getColumnOrder()) {
			MenuItem item = new MenuItem(menu, SWT.CHECK);
			item.setText(names[c]);
			item.setSelection(shown[c]);
			item.setEnabled(!shown[c] || showing > 1); // the last column shown stays
			item.addListener(SWT.Selection, x -> choose(c, item.getSelection()));
		}
		new MenuItem(menu, SWT.SEPARATOR);
		MenuItem fit = new MenuItem(menu, SWT.PUSH);
		fit.setText(Messages.Columns_fit);
		fit.addListener(SWT.Selection, x -> {
			java.util.Arrays.fill(chosen, null);
			layout();
			onChoice.run();
		});
		// disposed once closed, after its item ran (GTK hides a menu before the item's selection arrives)
		menu.addListener(SWT.Hide, x -> menu.getDisplay().asyncExec(menu::dispose));
		menu.setLocation(e.detail == SWT.MENU_KEYBOARD ? table.toDisplay(0, table.getHeaderHeight()) : new Point(e.x, e.y));
		menu.setVisible(true);
	}

	/** The hovered cell's text when its column cuts it, and the row's values in the columns left out. */
	private void tip(Event e) {
		if (e.y < 0) {
			return;
		}
		TableItem item = table.getItem(new Point(e.x, e.y));
		String text = item == null ? null : tipText(item, e.x, e.y);
		if (!java.util.Objects.equals(text, table.getToolTipText())) {
			table.setToolTipText(text);
		}
	}

	/** The colon after a name: full width after Chinese (事项：), else ": ". */
	private static String label(String name) {
		int last = name.isEmpty() ? ' ' : name.codePointBefore(name.length());
		return Character.UnicodeScript.of(last) == Character.UnicodeScript.HAN ? "\uff1a" : ": "; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** What the tooltip of the cell of {@code item} at (x, y) says, or null. */
	public String tipText(TableItem item, int x, int y) {
		StringBuilder b = new StringBuilder();
		for (int c = 0; c < names.length; c++) {
			Rectangle cell = item.getBounds(c);
			if (shown[c] && cell.contains(x, y) && width(item.getText(c)) + (item.getImage(c) == null ? 0 : 18) > cell.width) {
				b.append(item.getText(c));
			}
		}
		for (int c : table.getColumnOrder()) {
			if (!shown[c] && !item.getText(c).isEmpty()) {
				b.append(b.isEmpty() ? "" : "\n").append(names[c]).append(label(names[c])).append(item.getText(c)); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		return b.isEmpty() ? null : b.toString();
	}
}
