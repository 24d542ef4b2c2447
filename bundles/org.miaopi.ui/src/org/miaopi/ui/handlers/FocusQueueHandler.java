package org.miaopi.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.miaopi.ui.api.Topics;

/** Puts the keyboard focus back on the queue from anywhere. */
public class FocusQueueHandler {

	@Execute
	public void execute(EPartService partService) {
		partService.showPart(Topics.PART_QUEUE, PartState.ACTIVATE);
	}
}
