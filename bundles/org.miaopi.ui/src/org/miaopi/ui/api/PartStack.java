package org.miaopi.ui.api;

import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * A dossier part's body: its empty state, or one of its pages, stacked in the part's composite.
 * Shared by every part that follows the opened dossier, so they empty and fill alike.
 */
public final class PartStack {

	private final Composite parent;
	private final StackLayout layout = new StackLayout();
	private final EmptyState emptyState;

	public PartStack(Composite parent, String emptyTitle, String emptyHint) {
		this.parent = parent;
		parent.setLayout(layout);
		emptyState = new EmptyState(parent, emptyTitle, emptyHint);
	}

	/** Whether {@code stack} was created and its widgets still exist (injection may come first or last). */
	public static boolean isLive(PartStack stack) {
		return stack != null && !stack.parent.isDisposed();
	}

	public Composite parent() {
		return parent;
	}

	public EmptyState emptyState() {
		return emptyState;
	}

	/** Shows the empty state; its layout is deferred, so all parts that changed lay out in one pass. */
	public void showEmpty() {
		layout.topControl = emptyState;
		emptyState.requestLayout();
	}

	/** Shows {@code page}; if it was hidden, the stack lays out now (only its own level: the page fills it). */
	public void show(Control page) {
		if (layout.topControl == page) {
			return;
		}
		layout.topControl = page;
		if (!PartLayout.wholeWindow) {
			parent.layout(false);
		}
	}

	public boolean isShowing(Control page) {
		return layout.topControl == page;
	}
}
