package org.miaopi.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.miaopi.ui.Messages;
import org.miaopi.ui.MiaopiVersion;

/** Help > About: product name, version and runtime. */
public class AboutHandler {

	@Execute
	public void execute(Shell shell) {
		String text = NLS.bind(Messages.About_text, new Object[] { MiaopiVersion.display(),
				System.getProperty("java.version"), System.getProperty("os.name") }); //$NON-NLS-1$ //$NON-NLS-2$
		MessageDialog.openInformation(shell, Messages.About_title, text);
	}
}
