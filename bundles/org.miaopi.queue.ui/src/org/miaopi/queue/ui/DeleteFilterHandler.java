package org.miaopi.queue.ui;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

/** Deletes the saved filter chosen in the queue, after asking; the queue itself stays as it is. */
public class DeleteFilterHandler {

	public static final String ID = "org.miaopi.queue.ui.command.deleteFilter"; //$NON-NLS-1$

	@CanExecute
	public boolean canExecute(EPartService parts) {
		return QueueHandlers.chosenFilter(QueueHandlers.queue(parts)) != null;
	}

	@Execute
	public void execute(EPartService parts, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		QueuePart q = QueueHandlers.queue(parts);
		SavedFilter chosen = QueueHandlers.chosenFilter(q);
		if (chosen != null && MessageDialog.openQuestion(shell, Messages.Queue_filterDeleteTitle,
				NLS.bind(Messages.Queue_filterDeleteAsk, chosen.name()))) {
			q.deleteFilter(chosen.name());
		}
	}
}
