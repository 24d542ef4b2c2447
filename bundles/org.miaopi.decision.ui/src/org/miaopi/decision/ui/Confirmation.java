package org.miaopi.decision.ui;

import java.util.function.BooleanSupplier;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.miaopi.core.model.Dossier;

/** An approval ends in a sealed certificate and cannot be undone: the officer confirms it first. */
final class Confirmation {

	private Confirmation() {
	}

	/** @param answer answers instead of the dialog when not null (tests) */
	static boolean approval(Shell shell, Dossier dossier, BooleanSupplier answer) {
		if (answer != null) {
			return answer.getAsBoolean();
		}
		return MessageDialog.openConfirm(shell, Messages.Decision_confirmTitle,
				NLS.bind(Messages.Decision_confirm, dossier.number(), dossier.applicant().name()));
	}
}
