package org.miaopi.queue.ui;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** How the queue's handlers reach the queue part, wherever the focus is. */
final class QueueHandlers {

	private QueueHandlers() {
	}

	/** The queue part if it has been created, else null. */
	static QueuePart queue(EPartService parts) {
		MPart part = parts.findPart(QueuePart.ID);
		return part != null && part.getObject() instanceof QueuePart q ? q : null;
	}

	/** The saved filter chosen in {@code queue}'s combo, or null (also for no queue). */
	static SavedFilter chosenFilter(QueuePart queue) {
		return queue == null ? null : queue.chosenFilter();
	}

	/** The queue part, brought to the front and activated. */
	static QueuePart show(EPartService parts) {
		MPart part = parts.showPart(QueuePart.ID, PartState.ACTIVATE);
		return part != null && part.getObject() instanceof QueuePart q ? q : null;
	}
}
