package org.miaopi.queue.ui;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

/** Ctrl+Shift+S: saves the queue's filter and order under a name; an existing name is replaced after asking. */
public class SaveFilterHandler {

	public static final String ID = "org.miaopi.queue.ui.command.saveFilter"; //$NON-NLS-1$

	@CanExecute
	public boolean canExecute(EPartService parts) {
		QueuePart q = QueueHandlers.queue(parts);
		return q != null && q.savedFilters() != null;
	}

	@Execute
	public void execute(EPartService parts, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		QueuePart q = QueueHandlers.queue(parts);
		if (q == null || q.savedFilters() == null) {
			return;
		}
		SavedFilter chosen = q.chosenFilter();
		InputDialog ask = new InputDialog(shell, Messages.Queue_filterSaveTitle, Messages.Queue_filterNamePrompt,
				chosen == null ? "" : chosen.name(), nonBlank()); //$NON-NLS-1$
		if (ask.open() != Window.OK) {
			return;
		}
		String name = ask.getValue().strip();
		if (q.savedFilters().find(name) != null
				&& !MessageDialog.openQuestion(shell, Messages.Queue_filterSaveTitle, NLS.bind(Messages.Queue_filterReplace, name))) {
			return;
		}
		q.saveFilter(name);
	}

	static IInputValidator nonBlank() {
		return s -> s == null || s.isBlank() ? Messages.Queue_filterNameEmpty : null;
	}
}
