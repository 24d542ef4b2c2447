package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** Access to the running e4 workbench the UI harness started. */
final class Workbench {

	private Workbench() {
	}

	static MApplication application() {
		BundleContext ctx = FrameworkUtil.getBundle(Workbench.class).getBundleContext();
		ServiceReference<IWorkbench> ref = ctx.getServiceReference(IWorkbench.class);
		assertNotNull(ref, "the e4 workbench is running");
		return ctx.getService(ref).getApplication();
	}

	static <T extends MUIElement> T find(String id, Class<T> type) {
		MApplication app = application();
		List<T> found = app.getContext().get(EModelService.class).findElements(app, id, type);
		return found.isEmpty() ? null : found.get(0);
	}

	/** Shows the part {@code id} in the main window, lets its {@code jobs} finish, and gives its widget. */
	static Composite showPart(String id, Object jobs, String what) {
		MWindow window = find("org.miaopi.ui.window", MWindow.class);
		MPart part = window.getContext().get(EPartService.class).showPart(id, EPartService.PartState.ACTIVATE);
		assertNotNull(part, "the Supervisor perspective has " + what);
		settle(jobs, what);
		return (Composite) part.getWidget();
	}

	/** Shows a part and lets the UI settle, without waiting for any job (a test that holds the jobs back). */
	static Object showPartNow(String id) {
		MWindow window = find("org.miaopi.ui.window", MWindow.class);
		MPart part = window.getContext().get(EPartService.class).showPart(id, EPartService.PartState.ACTIVATE);
		assertNotNull(part, id);
		processEvents();
		return part.getWidget();
	}

	/** Lets the jobs of family {@code jobs} finish and their results reach the screen. */
	static void settle(Object jobs, String what) {
		Display display = Display.getCurrent();
		long until = System.currentTimeMillis() + 120_000; // a bound against a hang, not a timing
		do {
			processEvents();
			if (Job.getJobManager().find(jobs).length == 0) {
				processEvents();
				if (Job.getJobManager().find(jobs).length == 0) {
					return;
				}
			}
			display.timerExec(20, () -> { });
			display.sleep();
		} while (System.currentTimeMillis() < until);
		throw new AssertionError("the jobs of " + what + " did not finish");
	}

	/** Lets SWT lay out and paint what the last model change asked for. */
	static void processEvents() {
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// drain
		}
	}
}
