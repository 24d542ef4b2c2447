package org.miaopi.queue.ui;

import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.StoreAdmin;

/** Reassign… (supervisors, Ctrl+Alt+G): gives the selected dossier to an approval officer of the department. */
public class ReassignHandler {

	@CanExecute
	public boolean canExecute(@Optional Officer officer, @Optional DossierService service, EPartService parts) {
		return service != null && Assigning.reassignable(officer, Assigning.selected(parts));
	}

	@Execute
	public void execute(Shell shell, Officer supervisor, DossierService service, @Optional StoreAdmin users,
			EPartService parts, IEventBroker broker) {
		Dossier d = Assigning.selected(parts);
		if (d == null || users == null) {
			return;
		}
		List<Officer> officers = users.officers().stream()
				.filter(o -> o.hasRole(Role.OFFICER) && o.departmentCode().equals(d.departmentCode()))
				.filter(o -> !(d.isHeld() && o.id().equals(d.assignedOfficerId())))
				.sorted(Comparator.comparing(Officer::id)).toList();
		Officer chosen = new ReassignDialog(shell, d, officers).choose();
		if (chosen != null) {
			Assigning.run(shell, broker, () -> service.reassign(supervisor, d.number(), chosen.id()));
		}
	}
}
