package org.miaopi.decision.ui;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.ui.api.Topics;

/** Ctrl+Alt+A / R / S: to the decision part with approve, reject or supplement chosen. */
public class DecideHandler {

	public static final String PARAMETER = "org.miaopi.decision.ui.commandparameter.kind"; //$NON-NLS-1$

	@CanExecute
	public boolean canExecute(@Optional Officer officer) {
		return officer != null && officer.hasRole(Role.OFFICER); // supervisors read only
	}

	@Execute
	public void execute(EPartService parts, IEventBroker broker, @Named(PARAMETER) String kind) {
		if (parts.findPart(Topics.PART_DECISION) == null) {
			return;
		}
		parts.showPart(Topics.PART_DECISION, PartState.ACTIVATE);
		broker.send(Topics.DECIDE, DecisionKind.valueOf(kind));
	}
}
