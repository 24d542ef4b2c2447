package org.miaopi.decision.ui;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;

/**
 * Every decision is confirmed first, saying what will happen: an approval ends in a sealed
 * certificate, a rejection tells the applicant the reasons, a supplement request stops the dossier
 * until the materials arrive. None of them can be taken back from the form.
 */
final class Confirmation {

	private Confirmation() {
	}

	/**
	 * @param reasons the ticked reasons in words, one per line
	 * @param answer  answers instead of the dialog when not null (tests)
	 */
	static boolean decision(Shell shell, Dossier dossier, DecisionKind kind, List<String> reasons, String legalBasis,
			BooleanSupplier answer) {
		if (answer != null) {
			return answer.getAsBoolean();
		}
		String why = reasons.isEmpty() ? Messages.Decision_confirmNoReasons : String.join("\n", reasons); //$NON-NLS-1$
		return switch (kind) {
			case APPROVE -> MessageDialog.openConfirm(shell, Messages.Decision_confirmTitle,
					NLS.bind(Messages.Decision_confirm, dossier.number(), dossier.applicant().name()));
			case REJECT -> MessageDialog.openConfirm(shell, Messages.Decision_confirmRejectTitle,
					NLS.bind(Messages.Decision_confirmReject, new Object[] { dossier.number(), dossier.applicant().name(), why,
							legalBasis == null ? "" : legalBasis.strip() })); //$NON-NLS-1$
			case REQUEST_SUPPLEMENT -> MessageDialog.openConfirm(shell, Messages.Decision_confirmSupplementTitle,
					NLS.bind(Messages.Decision_confirmSupplement, new Object[] { dossier.number(), dossier.applicant().name(), why }));
		};
	}
}
