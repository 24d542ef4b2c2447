package org.miaopi.ui.parts;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;

/**
 * Base of the parts that show one empty state until their area is built: the layout, focus and
 * test hooks are real, only the content is to come.
 */
abstract class MessagePart {

	private EmptyState emptyState;

	protected void create(Composite parent, String title, String hint) {
		parent.setLayout(new FillLayout());
		emptyState = new EmptyState(parent, title, hint);
	}

	public EmptyState getEmptyState() {
		return emptyState;
	}

	protected void focus() {
		emptyState.setFocus();
	}
}
