package org.miaopi.dossier.ui;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** Ctrl+Alt+D / C / E / T: the keyboard goes to the dossier, comparison, decision or audit part. */
public class ShowPartHandler {

	public static final String PARAMETER = "org.miaopi.dossier.ui.commandparameter.part"; //$NON-NLS-1$

	@Execute
	public void execute(EPartService parts, @Named(PARAMETER) String partId) {
		if (parts.findPart(partId) != null) {
			parts.showPart(partId, PartState.ACTIVATE);
		}
	}
}
