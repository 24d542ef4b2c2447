package org.miaopi.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.seal.SealService;
import org.miaopi.ui.Messages;
import org.miaopi.ui.MiaopiVersion;

/** Help > About: product name, version and runtime, and how this desk's keys are kept at rest. */
public class AboutHandler {

	@Execute
	public void execute(Shell shell, @Optional StoreAdmin store, @Optional SealService seals) {
		String text = NLS.bind(Messages.About_text, new Object[] { MiaopiVersion.display(),
				System.getProperty("java.version"), System.getProperty("os.name") }); //$NON-NLS-1$ //$NON-NLS-2$
		MessageDialog.openInformation(shell, Messages.About_title, text + keysAtRest(store, seals));
	}

	/** The demo's conveniences said plainly: a key beside what it unlocks is no protection. */
	static String keysAtRest(StoreAdmin store, SealService seals) {
		StringBuilder b = new StringBuilder();
		try {
			if (store != null) {
				String mode = store.schema().bootMode();
				if (mode.startsWith("key file")) { //$NON-NLS-1$
					b.append("\n\n").append(Messages.About_storeKeyFile); //$NON-NLS-1$
				} else if (mode.equals("password")) { //$NON-NLS-1$
					b.append("\n\n").append(Messages.About_storePassword); //$NON-NLS-1$
				}
			}
		} catch (RuntimeException storeNotOpen) {
			// the About dialog opens whatever state the store is in
		}
		if (seals != null) {
			String protection = seals.protection();
			if (seals.demoConvenience()) {
				b.append("\n\n").append(Messages.About_sealsDemo); //$NON-NLS-1$
			} else if (protection.startsWith("custodian")) { //$NON-NLS-1$
				b.append("\n\n").append(Messages.About_sealsCustodian); //$NON-NLS-1$
			}
		}
		return b.toString();
	}
}
