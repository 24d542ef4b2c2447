package org.miaopi.queue.ui;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/** Renames the saved filter chosen in the queue; a name another filter has is refused with a message. */
public class RenameFilterHandler {

	public static final String ID = "org.miaopi.queue.ui.command.renameFilter"; //$NON-NLS-1$

	@CanExecute
	public boolean canExecute(EPartService parts) {
		return QueueHandlers.chosenFilter(QueueHandlers.queue(parts)) != null;
	}

	@Execute
	public void execute(EPartService parts, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		QueuePart q = QueueHandlers.queue(parts);
		SavedFilter chosen = QueueHandlers.chosenFilter(q);
		if (chosen == null) {
			return;
		}
		InputDialog ask = new InputDialog(shell, Messages.Queue_filterRenameTitle, Messages.Queue_filterNamePrompt,
				chosen.name(), SaveFilterHandler.nonBlank());
		if (ask.open() != Window.OK) {
			return;
		}
		try {
			q.renameFilter(chosen.name(), ask.getValue());
		} catch (IllegalArgumentException e) {
			MessageDialog.openError(shell, Messages.Queue_filterRenameTitle, e.getMessage());
		}
	}
}
