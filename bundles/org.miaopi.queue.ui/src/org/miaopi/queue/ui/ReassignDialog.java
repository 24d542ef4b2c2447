package org.miaopi.queue.ui;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;

/** The supervisor chooses the officer who is to hold a dossier: the department's approval officers, by id. */
final class ReassignDialog extends Dialog {

	private final Dossier dossier;
	private final List<Officer> officers;
	private org.eclipse.swt.widgets.List list;
	private Officer chosen;

	ReassignDialog(Shell parent, Dossier dossier, List<Officer> officers) {
		super(parent);
		this.dossier = dossier;
		this.officers = officers;
	}

	/** The officer chosen, or null when cancelled (or there is nobody to choose). */
	Officer choose() {
		return open() == OK ? chosen : null;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Reassign_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		Label label = new Label(area, SWT.WRAP);
		label.setText(NLS.bind(Messages.Reassign_message, dossier.number(),
				dossier.assignedOfficerId() == null ? "\u2014" : dossier.assignedOfficerId())); //$NON-NLS-1$
		list = new org.eclipse.swt.widgets.List(area, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
		GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
		data.heightHint = 160;
		data.widthHint = 320;
		list.setLayoutData(data);
		for (Officer o : officers) {
			list.add(o.name() + " (" + o.id() + ")"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		list.addListener(SWT.Selection, e -> getButton(IDialogConstants.OK_ID).setEnabled(list.getSelectionIndex() >= 0));
		list.addListener(SWT.DefaultSelection, e -> okPressed());
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		getButton(IDialogConstants.OK_ID).setEnabled(false);
	}

	@Override
	protected void okPressed() {
		int i = list.getSelectionIndex();
		if (i < 0) {
			return;
		}
		chosen = officers.get(i);
		super.okPressed();
	}
}
