package org.miaopi.admin.ui;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Shows a one-time password once, selectable for copying; it is kept nowhere else. */
final class OneTimePasswordDialog extends TitleAreaDialog {

	private final String user;
	private final String password;

	OneTimePasswordDialog(Shell parent, String user, String password) {
		super(parent);
		this.user = user;
		this.password = password;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Users_otpTitle);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(Messages.Users_otpTitle);
		setMessage(NLS.bind(Messages.Users_otpMessage, user));
		Text text = new Text(area, SWT.READ_ONLY | SWT.BORDER);
		text.setFont(JFaceResources.getTextFont());
		text.setText(password);
		GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
		data.horizontalIndent = 12;
		text.setLayoutData(data);
		text.selectAll();
		text.setFocus();
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
	}
}
