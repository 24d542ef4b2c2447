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

/** Claim (Ctrl+Alt+M): the officer takes the unassigned dossier selected in the queue. */
public class ClaimHandler {

	@CanExecute
	public boolean canExecute(@Optional Officer officer, @Optional DossierService service, EPartService parts) {
		return service != null && Assigning.claimable(officer, Assigning.selected(parts));
	}

	@Execute
	public void execute(Shell shell, Officer officer, DossierService service, EPartService parts, IEventBroker broker) {
		Dossier d = Assigning.selected(parts);
		if (d != null) {
			Assigning.run(shell, broker, () -> service.claim(officer, d.number()));
		}
	}
}
