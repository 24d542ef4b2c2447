package org.miaopi.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.miaopi.core.audit.OfficerKeys;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.ui.Messages;
import org.miaopi.ui.api.StoreProblems;
import org.miaopi.ui.session.Session;
import org.miaopi.ui.session.SignInDialog;

/** File > Sign in: change who works at this desk (the one signed in so far is signed out first). */
public class SignInHandler {

	@Execute
	public void execute(Shell shell, Session session, @Optional StoreAdmin store, @Optional SignInService signIns,
			@Optional OfficerKeys keys) {
		if (store == null || signIns == null) {
			return;
		}
		SignInDialog dialog;
		try {
			dialog = new SignInDialog(shell, store, signIns, keys);
		} catch (RuntimeException e) {
			// e.g. another Miaopi still has the store open: say so, and what to do
			MessageDialog.openError(shell, Messages.Store_title, StoreProblems.explain(e));
			return;
		}
		if (dialog.open() == SignInDialog.OK && dialog.signedIn() != null) {
			session.signIn(dialog.signedIn(), dialog.signer());
		}
	}
}
