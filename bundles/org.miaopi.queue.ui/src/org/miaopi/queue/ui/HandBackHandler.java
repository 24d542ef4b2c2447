package org.miaopi.queue.ui;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;

/** Hand back (Ctrl+Alt+B): the officer gives back the dossier they hold; any colleague may then claim it. */
public class HandBackHandler {

	@CanExecute
	public boolean canExecute(@Optional Officer officer, @Optional DossierService service, EPartService parts) {
		return service != null && Assigning.heldBy(officer, Assigning.selected(parts));
	}

	@Execute
	public void execute(Shell shell, Officer officer, DossierService service, EPartService parts, IEventBroker broker) {
		Dossier d = Assigning.selected(parts);
		if (d != null) {
			Assigning.run(shell, broker, () -> service.handBack(officer, d.number()));
		}
	}
}
