package org.miaopi.queue.ui;

import java.util.function.Supplier;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.lifecycle.IllegalTransitionException;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.QueryAccess;
import org.miaopi.ui.api.StoreProblems;
import org.miaopi.ui.api.Topics;

/**
 * What the Claim, Hand back and Reassign commands share: the dossier selected in the queue, when
 * each applies (the core checks again, and alone decides), and telling the other parts or the
 * person what came of it.
 */
final class Assigning {

	private Assigning() {
	}

	/** The dossier selected in the queue, or null. */
	static Dossier selected(EPartService parts) {
		QueuePart queue = QueueHandlers.queue(parts);
		return queue == null ? null : queue.selectedDossier();
	}

	static boolean claimable(Officer officer, Dossier d) {
		return officer != null && officer.hasRole(Role.OFFICER) && d != null && officer.departmentCode().equals(d.departmentCode())
				&& (d.status() == DossierStatus.PRE_CHECKED || d.status() == DossierStatus.SUPPLEMENT_REQUESTED && d.assignedOfficerId() == null);
	}

	static boolean heldBy(Officer officer, Dossier d) {
		return officer != null && d != null && d.isHeld() && officer.id().equals(d.assignedOfficerId());
	}

	static boolean reassignable(Officer officer, Dossier d) {
		return officer != null && officer.hasRole(Role.SUPERVISOR) && d != null
				&& officer.departmentCode().equals(d.departmentCode())
				&& (d.status() == DossierStatus.PRE_CHECKED || QueryAccess.holdable(d));
	}

	/** Runs one assignment; on success the other parts hear of the changed dossier, else the person is told why. */
	static Dossier run(Shell shell, IEventBroker broker, Supplier<Dossier> change) {
		Dossier d;
		try {
			d = change.get();
		} catch (AccessDeniedException e) {
			MessageDialog.openError(shell, Messages.Assign_failedTitle, e.rule() == AccessDeniedException.Rule.NOT_HOLDER
					? Messages.Assign_heldByOther : NLS.bind(Messages.Assign_refused, e.getMessage()));
			return null;
		} catch (IllegalTransitionException | IllegalArgumentException e) {
			MessageDialog.openError(shell, Messages.Assign_failedTitle, NLS.bind(Messages.Assign_refused, e.getMessage()));
			return null;
		} catch (RuntimeException e) {
			MessageDialog.openError(shell, Messages.Assign_failedTitle, StoreProblems.explain(e));
			return null;
		}
		broker.send(Topics.DOSSIER_CHANGED, d);
		return d;
	}
}
