package org.miaopi.admin.ui;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.miaopi.admin.SealAdmin;

/**
 * Where to put a department's seal key: the token's PKCS#11 library and slot, an existing key's
 * alias (or none to make one), and the token's PIN, used once and kept nowhere.
 */
final class SealTokenDialog extends TitleAreaDialog {

	private final String department;
	private Text moduleText;
	private Text slotText;
	private Text aliasText;
	private Text pinText;
	private String module;
	private long slot;
	private String alias;
	private char[] pin;

	SealTokenDialog(Shell parent, String department) {
		super(parent);
		this.department = department;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(NLS.bind(Messages.SealToken_title, department));
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(NLS.bind(Messages.SealToken_title, department));
		setMessage(Messages.SealToken_message);
		Composite form = new Composite(area, SWT.NONE);
		form.setLayout(new GridLayout(2, false));
		form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		moduleText = field(form, Messages.SealToken_module, SWT.BORDER);
		moduleText.setText(SealAdmin.SOFTHSM2);
		slotText = field(form, Messages.SealToken_slot, SWT.BORDER);
		aliasText = field(form, Messages.SealToken_alias, SWT.BORDER);
		aliasText.setMessage(Messages.SealToken_aliasHint);
		pinText = field(form, Messages.SealToken_pin, SWT.BORDER | SWT.PASSWORD);
		return area;
	}

	private static Text field(Composite form, String label, int style) {
		new Label(form, SWT.NONE).setText(label);
		Text t = new Text(form, style);
		GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false);
		wide.widthHint = 360;
		t.setLayoutData(wide);
		return t;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, Messages.SealToken_move, true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	@Override
	protected void okPressed() {
		String typedSlot = slotText.getText().strip();
		if (moduleText.getText().isBlank() || !typedSlot.matches("\\d{1,18}") || pinText.getText().isEmpty()) { //$NON-NLS-1$
			setErrorMessage(Messages.SealToken_incomplete);
			return;
		}
		module = moduleText.getText().strip();
		slot = Long.parseLong(typedSlot);
		alias = aliasText.getText().isBlank() ? null : aliasText.getText().strip();
		pin = pinText.getTextChars();
		super.okPressed();
	}

	String module() {
		return module;
	}

	long slot() {
		return slot;
	}

	String alias() {
		return alias;
	}

	/** The PIN typed; the caller wipes it once used. */
	char[] pin() {
		return pin;
	}
}
