package org.miaopi.sync.ui;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/** Ctrl+Alt+Y: sync with the hub now, in the background. */
public class SyncNowHandler {

	@CanExecute
	public boolean canExecute(@Optional BackgroundSync job) {
		return job != null;
	}

	@Execute
	public void execute(@Optional BackgroundSync job) {
		if (job != null) {
			job.now();
		}
	}
}
