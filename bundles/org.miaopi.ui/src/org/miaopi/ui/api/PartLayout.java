package org.miaopi.ui.api;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * Lays out what changed inside a part, and no further. {@link Control#requestLayout()} marks every
 * composite up to the shell, so opening a dossier (a dozen labels change in four parts) laid out
 * and repainted the whole window; a part's size does not depend on its texts, so the part's own
 * composite is as far as a change needs to go. Deferred: all changes of one event lay out once.
 */
public final class PartLayout {

	/**
	 * The previous way (each change lays out up to the shell), kept only so that
	 * {@code ./miaopi bench ui} measures before and after side by side in one run.
	 */
	public static volatile boolean wholeWindow;

	private PartLayout() {
	}

	/** {@code changed} (descendants of {@code part}, or {@code part} itself) need a new layout. */
	public static void changed(Composite part, Control... changed) {
		if (part.isDisposed()) {
			return;
		}
		if (wholeWindow) {
			for (Control c : changed) {
				c.requestLayout();
			}
			return;
		}
		part.layout(changed, SWT.DEFER);
	}

	/**
	 * Sets {@code label}'s text and lays it out within {@code part}, only if the text changed: on
	 * GTK sizing a wrapping label is the dearest step of opening a dossier (a native size allocation).
	 */
	public static void text(Composite part, Label label, String text) {
		String t = text == null ? "" : text; //$NON-NLS-1$
		if (wholeWindow) {
			label.setText(t);
			label.requestLayout();
		} else if (!t.equals(label.getText())) {
			label.setText(t);
			changed(part, label);
		}
	}
}
