package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
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

	/** Lets SWT lay out and paint what the last model change asked for. */
	static void processEvents() {
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// drain
		}
	}
}
