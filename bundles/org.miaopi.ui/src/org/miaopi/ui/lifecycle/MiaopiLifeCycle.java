package org.miaopi.ui.lifecycle;

import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessAdditions;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.osgi.util.NLS;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.miaopi.ui.Messages;
import org.miaopi.ui.MiaopiVersion;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.SecretPrompt;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.ui.api.RegistryMatterCatalog;
import org.miaopi.ui.api.MatterCatalog;
import org.miaopi.ui.api.StoreProblems;
import org.miaopi.ui.session.Session;
import org.miaopi.ui.session.Perspectives;
import org.miaopi.ui.session.PasswordPrompt;
import org.miaopi.ui.session.StartSignIn;

/**
 * Start-up of the workbench: repairs a saved layout that cannot be used, and announces on
 * standard output when the window is up (the launcher script, the smoke test and the start-up
 * benchmark wait for that line).
 */
public class MiaopiLifeCycle {

	/** Printed once the main window is shown, followed by the milliseconds since the JVM started. */
	public static final String READY_LINE = "MIAOPI-WORKBENCH-READY ms="; //$NON-NLS-1$
	/** With -Dmiaopi.smoke=true the workbench closes itself once ready (product smoke test). */
	public static final String SMOKE_PROPERTY = "miaopi.smoke"; //$NON-NLS-1$

	private static final String PLUGIN_ID = "org.miaopi.ui"; //$NON-NLS-1$

	@PostContextCreate
	void postContextCreate(IEclipseContext context, IEventBroker broker) {
		repairSavedLayout();
		Session session = new Session(context);
		context.set(Session.class, session);
		context.set(MatterCatalog.class, new RegistryMatterCatalog(() -> context.get(MatterRegistry.class)));
		// passwords Miaopi does not store (the store's, the seal custodian's) are asked in a dialog
		// while the workbench runs, above the console's prompt; first the store's, before sign-in reads it
		org.osgi.framework.ServiceRegistration<SecretPrompt> prompt = registerPrompt();
		RuntimeException storeProblem = null;
		try {
			StartSignIn.run(session, context.get(StoreAdmin.class), context.get(SignInService.class),
					context.get(org.miaopi.core.audit.OfficerKeys.class),
					Boolean.getBoolean(SMOKE_PROPERTY));
		} catch (RuntimeException e) {
			// e.g. the store is open in another Miaopi: start signed out, and say why on screen below
			storeProblem = e;
			ILog.of(Platform.getBundle(PLUGIN_ID)).log(new Status(IStatus.ERROR, PLUGIN_ID,
					NLS.bind(Messages.SignIn_storeFailed, e.getMessage())));
		}
		RuntimeException problem = storeProblem;
		// closing the workbench signed in ends the session too: the ledger says so
		broker.subscribe(UIEvents.UILifeCycle.APP_SHUTDOWN_STARTED, event -> {
			if (prompt != null) {
				try {
					prompt.unregister();
				} catch (IllegalStateException alreadyGone) {
					// the bundle stopped first
				}
			}
			Officer signedIn = context.get(Officer.class);
			SignInService signIns = context.get(SignInService.class);
			if (signedIn != null && signIns != null) {
				try {
					signIns.signOut(signedIn);
				} catch (RuntimeException e) {
					ILog.of(Platform.getBundle(PLUGIN_ID)).warn("The sign-out of " + signedIn.id() + " could not be recorded: " //$NON-NLS-1$ //$NON-NLS-2$
							+ e.getMessage());
				}
			}
		});
		broker.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, event -> {
			// processAdditions chose it before anything was drawn; this is a no-op then, and the fallback for a
			// model it could not reach
			Perspectives.showHome(context, context.get(Officer.class));
			long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
			System.out.println(READY_LINE + ms);
			System.out.flush();
			if ("ui".equals(System.getProperty(UiBench.PROPERTY))) { //$NON-NLS-1$
				Display.getDefault().asyncExec(() -> UiBench.run(context));
			} else if ("dashboard".equals(System.getProperty(UiBench.PROPERTY))) { //$NON-NLS-1$
				// ./miaopi bench dashboard: the supervisor's bundle times its part (it owns it), then the workbench closes
				Display.getDefault().asyncExec(() -> {
					try {
						context.get(IEventBroker.class).send(org.miaopi.ui.api.Topics.BENCH_DASHBOARD, context.get(Officer.class));
					} finally {
						System.out.flush();
						Display.getDefault().asyncExec(() -> context.get(IWorkbench.class).close());
					}
				});
			} else if (Boolean.getBoolean(SMOKE_PROPERTY)) {
				Display.getDefault().asyncExec(() -> context.get(IWorkbench.class).close());
			} else if (problem != null) {
				// the Error Log is not where a person looks: tell them in plain words what to do
				Display.getDefault().asyncExec(() -> MessageDialog.openError(Display.getDefault().getActiveShell(),
						Messages.Store_title, StoreProblems.explain(problem)));
			}
		});
	}

	/**
	 * The model is there and nothing is drawn yet: the window opens on the perspective of the one signed in. A
	 * supervisor or an admin signed in at start would otherwise wait for the Officer perspective (its queue read
	 * from the store) to be drawn, then switched away from.
	 */
	@ProcessAdditions
	void processAdditions(IEclipseContext context) {
		Perspectives.showHome(context, context.get(Officer.class));
	}

	private static org.osgi.framework.ServiceRegistration<SecretPrompt> registerPrompt() {
		org.osgi.framework.Bundle ui = org.osgi.framework.FrameworkUtil.getBundle(MiaopiLifeCycle.class);
		try {
			if (ui.getBundleContext() == null) {
				// e4 loads this class without activating the lazy bundle, and a bundle that is not
				// started has no context to register a service with
				ui.start(org.osgi.framework.Bundle.START_TRANSIENT);
			}
			return ui.getBundleContext().registerService(SecretPrompt.class, new PasswordPrompt(Display.getDefault()),
					org.osgi.framework.FrameworkUtil.asDictionary(java.util.Map.of(org.osgi.framework.Constants.SERVICE_RANKING, 100)));
		} catch (org.osgi.framework.BundleException | RuntimeException e) {
			ILog.of(ui).error("Passwords cannot be asked in a dialog; the console asks instead", e); //$NON-NLS-1$
			return null;
		}
	}

	private static void repairSavedLayout() {
		ILog log = ILog.of(Platform.getBundle(PLUGIN_ID));
		try {
			Location instance = Platform.getInstanceLocation();
			URL url = instance == null ? null : instance.getURL();
			if (url == null || !"file".equals(url.getProtocol())) { //$NON-NLS-1$
				return;
			}
			PersistedLayout layout = new PersistedLayout(Path.of(url.getPath()));
			String version = MiaopiVersion.bundleVersion().toString();
			PersistedLayout.Outcome outcome = layout.check(version);
			switch (outcome.kind()) {
			case CORRUPT_MOVED -> log.log(new Status(IStatus.WARNING, PLUGIN_ID,
					NLS.bind(Messages.LifeCycle_corruptState, outcome.detail(), outcome.movedTo())));
			case OTHER_VERSION_MOVED -> log.log(new Status(IStatus.INFO, PLUGIN_ID,
					NLS.bind(Messages.LifeCycle_newVersion, version, outcome.detail())));
			default -> {
				// nothing saved, or a good layout of this very build: e4 restores it
			}
			}
		} catch (Exception e) {
			log.log(new Status(IStatus.ERROR, PLUGIN_ID, "Could not check the saved layout", e)); //$NON-NLS-1$
		}
	}
}
