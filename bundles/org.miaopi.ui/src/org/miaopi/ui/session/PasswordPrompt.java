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
 * Asks in a dialog for a password Miaopi does not store: the store's, before anything is read at
 * start; an officer's token PIN, at sign-in; or the seal custodian's, when a certificate is first sealed. Runs the dialog on the UI
 * thread whatever thread asks (issuance runs in a job). Registered by the workbench while it
 * runs, above the command line's console prompt; the asking service keeps the answer in memory
 * for the session.
 */
public final class PasswordPrompt implements SecretPrompt {

	/** The texts of one dialog. */
	record Texts(String title, String message, String wrong, String empty, String button) {
		static Texts of(Secret what) {
			return switch (what) {
				case SEAL_KEYSTORE -> new Texts(Messages.SealPassword_title, Messages.SealPassword_message,
						Messages.SealPassword_wrong, Messages.SealPassword_empty, Messages.SealPassword_unlock);
				case STORE -> new Texts(Messages.StorePassword_title, Messages.StorePassword_message,
						Messages.StorePassword_wrong, Messages.StorePassword_empty, Messages.StorePassword_open);
				case TOKEN_PIN -> new Texts(Messages.TokenPin_title, Messages.TokenPin_message, Messages.TokenPin_wrong,
						Messages.TokenPin_empty, Messages.SealPassword_unlock);
				case SEAL_TOKEN_PIN -> new Texts(Messages.SealTokenPin_title, Messages.SealTokenPin_message, Messages.TokenPin_wrong,
						Messages.TokenPin_empty, Messages.SealPassword_unlock);
			};
		}
	}

	private final Display display;

	public PasswordPrompt(Display display) {
		this.display = display;
	}

	@Override
	public Optional<char[]> ask(Secret what, String where, String problem) {
		if (display.isDisposed()) {
			return Optional.empty();
		}
		char[][] answer = new char[1][];
		display.syncExec(() -> answer[0] = open(Texts.of(what), where, problem));
		return Optional.ofNullable(answer[0]);
	}

	private char[] open(Texts texts, String where, String problem) {
		Shell shell = display.getActiveShell();
		String message = NLS.bind(texts.message(), where);
		if (problem != null) {
			message = texts.wrong() + "\n\n" + message; //$NON-NLS-1$
		}
		InputDialog dialog = new InputDialog(shell, texts.title(), message, "", //$NON-NLS-1$
				text -> text.isEmpty() ? texts.empty() : null) {
			@Override
			protected int getInputTextStyle() {
				return super.getInputTextStyle() | SWT.PASSWORD;
			}

			@Override
			protected void createButtonsForButtonBar(org.eclipse.swt.widgets.Composite parent) {
				super.createButtonsForButtonBar(parent);
				getButton(IDialogConstants.OK_ID).setText(texts.button());
			}
		};
		if (dialog.open() != Window.OK) {
			return null;
		}
		return dialog.getValue().toCharArray();
	}
}
