package org.miaopi.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.miaopi.ui.session.Session;

/** File > Sign out: the parts empty themselves, nothing of the last officer stays on screen. */
public class SignOutHandler {

	@CanExecute
	public boolean canExecute(Session session) {
		return session.officer().isPresent();
	}

	@Execute
	public void execute(Session session) {
		session.signOut();
	}
}
