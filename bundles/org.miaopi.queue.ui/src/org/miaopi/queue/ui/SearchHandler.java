package org.miaopi.queue.ui;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** Ctrl+F: to the queue's search field, from anywhere. */
public class SearchHandler {

	@Execute
	public void execute(EPartService parts) {
		MPart part = parts.showPart(QueuePart.ID, PartState.ACTIVATE);
		if (part != null && part.getObject() instanceof QueuePart queue) {
			queue.focusSearch();
		}
	}
}
