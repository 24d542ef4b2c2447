package org.miaopi.ui.api;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** A part's "nothing here yet" message: what is missing and what to do about it. */
public final class EmptyState extends Composite {

	private final Label title;
	private final Label hint;

	public EmptyState(Composite parent, String titleText, String hintText) {
		super(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 12;
		layout.marginHeight = 12;
		setLayout(layout);
		title = new Label(this, SWT.WRAP);
		title.setFont(JFaceResources.getHeaderFont());
		title.setText(titleText);
		title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		hint = new Label(this, SWT.WRAP);
		hint.setText(hintText);
		GridData hintData = new GridData(SWT.FILL, SWT.TOP, true, false);
		hintData.widthHint = 200;
		hint.setLayoutData(hintData);
	}

	/** Says something else (the same place in a part tells several empty states). */
	public void set(String titleText, String hintText) {
		title.setText(titleText);
		hint.setText(hintText);
		layout(true);
	}

	public String getTitle() {
		return title.getText();
	}

	public String getHint() {
		return hint.getText();
	}
}
