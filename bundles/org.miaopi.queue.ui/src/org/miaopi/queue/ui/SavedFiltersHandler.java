package org.miaopi.queue.ui;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Ctrl+Shift+F: to the queue's saved filters, the list open; arrow keys and Enter apply one. */
public class SavedFiltersHandler {

	@Execute
	public void execute(EPartService parts) {
		QueuePart q = QueueHandlers.show(parts);
		if (q != null) {
			q.focusSavedFilters();
		}
	}
}
