package org.miaopi.supervisor.ui;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.ui.session.Perspectives;

/**
 * The Supervisor perspective opens on the dashboard. Switching perspectives keeps the active part
 * when the new perspective has it too: a supervisor signing in from the Officer perspective would
 * land on the shared queue. So when the Supervisor perspective is switched to, the dashboard is shown.
 * For a supervisor signed in at start, the dashboard's charts are drawn once off the screen meanwhile
 * ({@link ChartWarmUp}).
 */
public class DashboardFirst {

	@Inject
	private IEventBroker broker;
	@Inject
	private UISynchronize sync;
	@Inject
	private EModelService models;
	@Inject
	private org.eclipse.e4.ui.model.application.MApplication app;

	@PostConstruct
	void listen() {
		// made after sign-in and seconds before the window is: a supervisor's first dashboard paints warm
		Officer signedIn = app.getContext().get(Officer.class);
		Display display = Display.getCurrent();
		if (signedIn != null && signedIn.hasRole(Role.SUPERVISOR) && display != null) {
			ChartWarmUp.start(display, app.getContext().get(org.miaopi.supervision.SupervisionService.class));
		}
		broker.subscribe(UIEvents.UILifeCycle.PERSPECTIVE_SWITCHED, e -> {
			if (e.getProperty(UIEvents.EventTags.ELEMENT) instanceof MPerspective p
					&& Perspectives.SUPERVISOR.equals(p.getElementId())) {
				sync.asyncExec(() -> show(p));
			}
		});
		// ./miaopi bench dashboard (sent on the UI thread once the workbench is up)
		broker.subscribe(org.miaopi.ui.api.Topics.BENCH_DASHBOARD, e -> {
			MWindow window = app.getChildren().isEmpty() ? null : app.getChildren().get(0);
			DashboardBench.run(window == null ? null : window.getContext().get(EPartService.class),
					e.getProperty(org.eclipse.e4.core.services.events.IEventBroker.DATA) instanceof Officer o ? o : null);
		});
	}

	private void show(MPerspective perspective) {
		MWindow window = models.getTopLevelWindowFor(perspective);
		EPartService parts = window == null || window.getContext() == null ? null : window.getContext().get(EPartService.class);
		if (parts != null && perspective.getParent() != null && perspective.getParent().getSelectedElement() == perspective) {
			// screenshots of the supervision part's tabs (-Dmiaopi.supervision.tab=cards|sampling) open on that part
			boolean tab = !System.getProperty("miaopi.supervision.tab", "").isEmpty(); //$NON-NLS-1$ //$NON-NLS-2$
			parts.showPart(tab ? SupervisionPart.ID : DashboardPart.ID, EPartService.PartState.ACTIVATE);
		}
	}
}
