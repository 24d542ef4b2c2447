package org.miaopi.ui.session;

import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.miaopi.core.service.SecretPrompt;
import org.miaopi.ui.Messages;

/**
 * Asks the seal's custodian for the keystore's password in a dialog, on the UI thread whatever
 * thread seals (issuance runs in a job). Registered by the workbench while it runs, above the
 * command line's console prompt; the seal service keeps the answer for the session.
 */
public final class SealPasswordPrompt implements SecretPrompt {

	private final Display display;

	public SealPasswordPrompt(Display display) {
		this.display = display;
	}

	@Override
	public Optional<char[]> ask(Secret what, String where, String problem) {
		if (display.isDisposed()) {
			return Optional.empty();
		}
		char[][] answer = new char[1][];
		display.syncExec(() -> answer[0] = open(where, problem));
		return Optional.ofNullable(answer[0]);
	}

	private char[] open(String where, String problem) {
		Shell shell = display.getActiveShell();
		String message = NLS.bind(Messages.SealPassword_message, where);
		if (problem != null) {
			message = Messages.SealPassword_wrong + "\n\n" + message; //$NON-NLS-1$
		}
		InputDialog dialog = new InputDialog(shell, Messages.SealPassword_title, message, "", //$NON-NLS-1$
				text -> text.isEmpty() ? Messages.SealPassword_empty : null) {
			@Override
			protected int getInputTextStyle() {
				return super.getInputTextStyle() | SWT.PASSWORD;
			}

			@Override
			protected void createButtonsForButtonBar(org.eclipse.swt.widgets.Composite parent) {
				super.createButtonsForButtonBar(parent);
				getButton(IDialogConstants.OK_ID).setText(Messages.SealPassword_unlock);
			}
		};
		if (dialog.open() != Window.OK) {
			return null;
		}
		return dialog.getValue().toCharArray();
	}
}
