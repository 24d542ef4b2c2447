package org.miaopi.ui.parts;

import jakarta.annotation.PostConstruct;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;
import org.miaopi.ui.Messages;

/** The comparison part; shows its empty state until a dossier is open. */
public class ComparisonPart extends MessagePart {

	public static final String ID = "org.miaopi.ui.part.comparison"; //$NON-NLS-1$

	@PostConstruct
	public void createControls(Composite parent) {
		create(parent, Messages.Comparison_emptyTitle, Messages.Comparison_emptyHint);
	}

	@Focus
	public void setFocus() {
		focus();
	}
}
