package org.miaopi.ui.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.audit.OfficerKeys;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.ui.Messages;

/**
 * Sign-in at start. A person gets the dialog; automated runs (smoke test, screenshots, UI tests,
 * benchmarks) name the officer with {@code -Dmiaopi.signin=<id>}, which the core honours only
 * while the store is in demo mode (set by the demo generator, shown by {@code ./miaopi store info}),
 * never because a file lies in the Miaopi home: a real desk always asks for the password. {@code -Dmiaopi.signin=none}, and the smoke test, start
 * signed out without asking.
 */
public final class StartSignIn {

	public static final String PROPERTY = "miaopi.signin"; //$NON-NLS-1$
	public static final String NONE = "none"; //$NON-NLS-1$
	public static final String DEMO_LOGINS = "demo-officers.txt"; //$NON-NLS-1$
	private static final String PLUGIN_ID = "org.miaopi.ui"; //$NON-NLS-1$

	private StartSignIn() {
	}

	public static void run(Session session, StoreAdmin store, SignInService signIns, boolean smoke) {
		run(session, store, signIns, null, smoke);
	}

	/** @param keys unlocks the officer's signing key (on a demo store with the demo user's password) */
	public static void run(Session session, StoreAdmin store, SignInService signIns, OfficerKeys keys, boolean smoke) {
		String named = System.getProperty(PROPERTY);
		if (NONE.equals(named) || named == null && smoke) {
			return;
		}
		if (store == null || signIns == null) {
			return; // no store bundle: nobody can be checked, so nobody signs in
		}
		if (named != null) {
			// the core allows it on a demo store only, and records it in the audit ledger either way
			Optional<Officer> officer = signIns.signInOnDemoStore(named);
			boolean demo = store.demoMode();
			if (officer.isPresent()) {
				session.signIn(officer.get(), demoSigner(keys, officer.get()));
				return;
			}
			ILog.of(Platform.getBundle(PLUGIN_ID)).log(new Status(IStatus.WARNING, PLUGIN_ID,
					NLS.bind(demo ? Messages.SignIn_unknownUser : Messages.SignIn_notDemo, named)));
		}
		SignInDialog dialog = new SignInDialog(new Shell(Display.getDefault()), store, signIns, keys);
		if (dialog.open() == SignInDialog.OK && dialog.signedIn() != null) {
			session.signIn(dialog.signedIn(), dialog.signer());
		}
	}

	/** A demo user's key, opened with the demo password written beside the demo store (null if none). */
	private static DecisionSigner demoSigner(OfficerKeys keys, Officer officer) {
		Path logins = MiaopiHome.current().resolve(DEMO_LOGINS);
		try {
			for (String line : Files.readAllLines(logins)) {
				String[] f = line.split("\t"); //$NON-NLS-1$
				if (f.length >= 5 && f[0].equals(officer.id())) {
					return SigningKey.unlock(keys, officer, f[4].toCharArray());
				}
			}
		} catch (java.io.IOException e) {
			// no demo passwords: signed in, but cannot decide
		}
		return null;
	}
}
