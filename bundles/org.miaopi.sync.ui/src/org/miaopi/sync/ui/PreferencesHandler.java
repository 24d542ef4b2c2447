package org.miaopi.sync.ui;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

/** Window > Preferences…: the hub's address, the sync interval, the desk's identity. */
public class PreferencesHandler {

	@Execute
	public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Optional BackgroundSync job) {
		if (new SyncPreferencesDialog(shell).open() == org.eclipse.jface.window.Window.OK && job != null) {
			job.now(); // a new address or interval takes effect with a round now
		}
	}
}
