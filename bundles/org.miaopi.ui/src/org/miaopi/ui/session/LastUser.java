package org.miaopi.ui.session;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/** Who last signed in with the dialog on this desk (the workbench's settings), to offer first next time. */
final class LastUser {

	private static final String NODE = "org.miaopi.ui"; //$NON-NLS-1$
	private static final String KEY = "signin.lastUser"; //$NON-NLS-1$

	private LastUser() {
	}

	static String get() {
		return InstanceScope.INSTANCE.getNode(NODE).get(KEY, null);
	}

	static void set(String id) {
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(NODE);
		node.put(KEY, id);
		try {
			node.flush();
		} catch (BackingStoreException e) {
			// not remembered: the next sign-in offers nobody first, which is safe
		}
	}
}
