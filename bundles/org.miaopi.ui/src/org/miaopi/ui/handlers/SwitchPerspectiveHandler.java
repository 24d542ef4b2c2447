package org.miaopi.ui.handlers;

import java.util.List;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Switches between the Officer, Supervisor and Admin perspectives. */
public class SwitchPerspectiveHandler {

	public static final String COMMAND_ID = "org.miaopi.ui.command.switchPerspective"; //$NON-NLS-1$
	public static final String PARAMETER_ID = "org.miaopi.ui.commandparameter.perspectiveId"; //$NON-NLS-1$

	@Execute
	public void execute(@Named(PARAMETER_ID) String perspectiveId, MApplication application,
			EModelService modelService, EPartService partService) {
		List<MPerspective> found = modelService.findElements(application, perspectiveId, MPerspective.class);
		if (found.isEmpty()) {
			throw new IllegalArgumentException("No perspective with id " + perspectiveId); //$NON-NLS-1$
		}
		partService.switchPerspective(found.get(0));
	}
}
