package org.miaopi.queue.ui;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** F5: read the queue afresh from the store. */
public class RefreshHandler {

	@Execute
	public void execute(EPartService parts) {
		MPart part = parts.findPart(QueuePart.ID);
		if (part != null && part.getObject() instanceof QueuePart queue) {
			queue.reload();
		}
	}
}
