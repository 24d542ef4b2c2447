package org.miaopi.ui.tests;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
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
}
