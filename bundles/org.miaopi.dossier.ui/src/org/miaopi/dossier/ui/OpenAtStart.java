package org.miaopi.dossier.ui;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.widgets.Display;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.ui.api.Topics;

/**
 * {@code -Dmiaopi.open=DOSSIER_NO} (e.g. {@code ./miaopi screenshot --open}): once the window is up
 * and an officer is signed in, opens that dossier in every part, as choosing it in the queue does.
 * Nothing happens without the property, or for a dossier the officer may not read.
 */
public class OpenAtStart {

	public static final String PROPERTY = "miaopi.open"; //$NON-NLS-1$
	/** How long to wait for the sign-in at start (tries every 100 ms). */
	private static final int TRIES = 100;

	@Inject
	private IEclipseContext context;
	@Inject
	private IEventBroker broker;
	@Inject
	private UISynchronize sync;

	/** Listens for the end of start-up only when asked to open a dossier: otherwise it costs nothing. */
	@PostConstruct
	void listen() {
		String number = System.getProperty(PROPERTY);
		if (number == null || number.isBlank()) {
			return;
		}
		broker.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, e -> sync.asyncExec(() -> open(number.strip(), TRIES)));
	}

	private void open(String number, int tries) {
		if (Display.getCurrent() == null || Display.getCurrent().isDisposed()) {
			return;
		}
		Officer officer = context.get(Officer.class);
		DossierService service = context.get(DossierService.class);
		if (officer == null || service == null) {
			if (tries > 0) {
				Display.getCurrent().timerExec(100, () -> open(number, tries - 1));
			}
			return;
		}
		try {
			service.find(officer, number).ifPresent(d -> broker.send(Topics.DOSSIER_OPENED, d));
		} catch (RuntimeException e) {
			// not the officer's to read: the desk opens as usual
		}
	}
}
