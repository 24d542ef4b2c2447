package org.miaopi.queue.ui;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Ctrl+Shift+O: the queue's sort menu, every column; choosing the sorted one again reverses it. */
public class SortHandler {

	@Execute
	public void execute(EPartService parts) {
		QueuePart q = QueueHandlers.show(parts);
		if (q != null) {
			q.showSortMenu();
		}
	}
}
