package org.miaopi.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.widgets.Shell;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.ui.session.Session;
import org.miaopi.ui.session.SignInDialog;

/** File > Sign in: change who works at this desk. */
public class SignInHandler {

	@Execute
	public void execute(Shell shell, Session session, @Optional StoreAdmin store) {
		if (store == null) {
			return;
		}
		SignInDialog dialog = new SignInDialog(shell, store);
		if (dialog.open() == SignInDialog.OK && dialog.signedIn() != null) {
			session.signIn(dialog.signedIn());
		}
	}
}
