package org.miaopi.ui.handlers;

import java.util.List;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.miaopi.core.model.Officer;
import org.miaopi.ui.session.Perspectives;

/**
 * Switches between the Officer, Supervisor and Admin perspectives, as far as the signed-in
 * user's role allows ({@link Perspectives#allowed}): the menu items of the others are disabled and
 * their keys do nothing.
 */
public class SwitchPerspectiveHandler {

	public static final String COMMAND_ID = "org.miaopi.ui.command.switchPerspective"; //$NON-NLS-1$
	public static final String PARAMETER_ID = "org.miaopi.ui.commandparameter.perspectiveId"; //$NON-NLS-1$

	@CanExecute
	public boolean canExecute(@Optional @Named(PARAMETER_ID) String perspectiveId, @Optional Officer officer) {
		return Perspectives.allowed(officer, perspectiveId);
	}

	@Execute
	public void execute(@Named(PARAMETER_ID) String perspectiveId, @Optional Officer officer, MApplication application,
			EModelService modelService, EPartService partService) {
		if (!Perspectives.allowed(officer, perspectiveId)) {
			return; // asked directly, past the disabled menu item: still refused
		}
		List<MPerspective> found = modelService.findElements(application, perspectiveId, MPerspective.class);
		if (found.isEmpty()) {
			throw new IllegalArgumentException("No perspective with id " + perspectiveId); //$NON-NLS-1$
		}
		partService.switchPerspective(found.get(0));
	}
}
