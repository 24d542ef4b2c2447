package org.miaopi.ui.session;

import java.util.List;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;

/**
 * Which perspectives a user may open, and the one they start in. An officer works in the
 * Officer perspective only; a supervisor in the Supervisor one (and may look at the Officer one,
 * whose decision commands stay disabled); an admin in the Admin one, which has no queue. Signed
 * out, only the Officer perspective, whose parts then show nothing. The core refuses the data
 * anyway: this keeps people from views that could only show them refusals.
 */
public final class Perspectives {

	public static final String OFFICER = "org.miaopi.ui.perspective.officer"; //$NON-NLS-1$
	public static final String SUPERVISOR = "org.miaopi.ui.perspective.supervisor"; //$NON-NLS-1$
	public static final String ADMIN = "org.miaopi.ui.perspective.admin"; //$NON-NLS-1$

	private Perspectives() {
	}

	/** May {@code user} (null: nobody signed in) open {@code perspectiveId}? */
	public static boolean allowed(Officer user, String perspectiveId) {
		if (user == null) {
			return OFFICER.equals(perspectiveId);
		}
		return switch (perspectiveId == null ? "" : perspectiveId) { //$NON-NLS-1$
		case OFFICER -> user.hasRole(Role.OFFICER) || user.hasRole(Role.SUPERVISOR);
		case SUPERVISOR -> user.hasRole(Role.SUPERVISOR);
		case ADMIN -> user.hasRole(Role.ADMIN);
		default -> false;
		};
	}

	/** The perspective {@code user} starts in: the one of their role. */
	public static String home(Officer user) {
		if (user == null || user.hasRole(Role.OFFICER)) {
			return OFFICER;
		}
		if (user.hasRole(Role.SUPERVISOR)) {
			return SUPERVISOR;
		}
		return user.hasRole(Role.ADMIN) ? ADMIN : OFFICER;
	}

	/**
	 * Shows {@code user}'s home perspective, unless the one shown is allowed to them already. Does
	 * nothing before the application model exists (sign-in at start: the life cycle calls it
	 * again once the window is up).
	 */
	public static void showHome(IEclipseContext context, Officer user) {
		MApplication app = context.get(MApplication.class);
		EModelService models = context.get(EModelService.class);
		if (app == null || models == null) {
			return;
		}
		List<MPerspectiveStack> stacks = models.findElements(app, null, MPerspectiveStack.class);
		if (stacks.isEmpty()) {
			return;
		}
		MPerspectiveStack stack = stacks.get(0);
		MPerspective shown = stack.getSelectedElement();
		String homeId = home(user);
		if (shown != null && shown.getElementId().equals(homeId)) {
			return;
		}
		MPerspective home = stack.getChildren().stream().filter(p -> p.getElementId().equals(homeId)).findFirst().orElse(null);
		if (home == null) {
			return;
		}
		MWindow window = models.getTopLevelWindowFor(stack);
		EPartService parts = window == null || window.getContext() == null ? null : window.getContext().get(EPartService.class);
		if (parts != null && window.getWidget() != null) {
			parts.switchPerspective(home);
		} else {
			stack.setSelectedElement(home);
		}
	}
}
