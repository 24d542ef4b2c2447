package org.miaopi.ui.tests;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.miaopi.ui.api.EmptyState;

/** Finds controls inside a part or dialog the way a user sees them: by what they show. */
final class Widgets {

	private Widgets() {
	}

	/** The visible empty state under {@code root}, or null. */
	/**
	 * The empty state under {@code root} that is set to show, whether or not its part is on screen
	 * (a part of another perspective keeps its widgets, hidden).
	 */
	static EmptyState shownEmptyState(Composite root) {
		for (Control c : root.getChildren()) {
			if (c instanceof EmptyState e && e.getVisible()) {
				return e;
			}
			if (c instanceof Composite k && !(c instanceof EmptyState) && c.getVisible()) {
				EmptyState inner = shownEmptyState(k);
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
	}

	static EmptyState visibleEmptyState(Composite root) {
		for (Control c : root.getChildren()) {
			if (c instanceof EmptyState e && e.isVisible()) {
				return e;
			}
			if (c instanceof Composite k && !(c instanceof EmptyState) && c.isVisible()) {
				EmptyState inner = visibleEmptyState(k);
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
	}

	/** The combo under {@code root} that offers {@code item}, or null. */
	static Combo comboWith(Composite root, String item) {
		for (Control c : root.getChildren()) {
			if (c instanceof Combo combo && combo.indexOf(item) >= 0) {
				return combo;
			}
			if (c instanceof Composite k) {
				Combo inner = comboWith(k, item);
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
	}

	/** The label under {@code root} whose whole text is {@code text}, or null. */
	static Label labelMatching(Composite root, String text) {
		for (Control c : root.getChildren()) {
			if (c instanceof Label l && l.getText().equals(text)) {
				return l;
			}
			if (c instanceof Composite k) {
				Label inner = labelMatching(k, text);
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
	}

	/** Every control of a type under {@code root}, depth first. */
	static <T extends Control> java.util.List<T> all(Composite root, Class<T> type) {
		java.util.List<T> out = new java.util.ArrayList<>();
		for (Control c : root.getChildren()) {
			if (type.isInstance(c)) {
				out.add(type.cast(c));
			}
			if (c instanceof Composite k) {
				out.addAll(all(k, type));
			}
		}
		return out;
	}

	/** When a dialog with this title opens, {@code work} fills it (runs inside its event loop). */
	static void whenDialog(String title, Consumer<Shell> work) {
		Display display = Display.getCurrent();
		Runnable[] poll = new Runnable[1];
		int[] tries = { 0 };
		poll[0] = () -> {
			for (Shell s : display.getShells()) {
				if (s.isVisible() && title.equals(s.getText()) && s.getData(title) == null) {
					s.setData(title, Boolean.TRUE);
					work.accept(s);
					return;
				}
			}
			if (tries[0]++ < 2000) {
				display.timerExec(25, poll[0]);
			}
		};
		display.timerExec(25, poll[0]);
	}

	/** The dialog's text fields a person types in (not the read-only message lines). */
	static List<Text> editable(Shell s) {
		return Widgets.all(s, Text.class).stream().filter(t -> (t.getStyle() & SWT.READ_ONLY) == 0).toList();
	}

	static void press(Shell s, String label) {
		Button b = Widgets.all(s, Button.class).stream().filter(x -> x.getText().replace("&", "").equals(label)).findFirst()
				.orElseThrow(() -> new AssertionError("no button " + label));
		b.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
	}
}
