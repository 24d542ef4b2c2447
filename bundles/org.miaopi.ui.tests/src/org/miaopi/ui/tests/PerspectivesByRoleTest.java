package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Control;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.miaopi.queue.ui.QueuePart;
import org.miaopi.ui.handlers.SwitchPerspectiveHandler;
import org.miaopi.updates.ui.MatterPluginsPart;
import org.miaopi.ui.session.Perspectives;

/**
 * Perspectives follow the role: sign-in opens the perspective of one's role, and the switcher
 * refuses the others (menu item disabled, key or direct call without effect).
 */
class PerspectivesByRoleTest {

	private static final String ADMIN_USER = "admin";

	@AfterEach
	void signOut() {
		DeskFixture.session().signOut();
		Workbench.processEvents();
	}

	@Test
	void anOfficerWorksInTheOfficerPerspectiveAndCannotOpenTheOthers() {
		DeskFixture.signIn(DeskFixture.SUPERVISOR); // starts elsewhere: signing in as an officer brings them home
		DeskFixture.signIn(DeskFixture.OFFICER);
		assertEquals(Perspectives.OFFICER, active());
		assertFalse(canSwitch(Perspectives.SUPERVISOR), "the supervisor's view is refused");
		assertFalse(canSwitch(Perspectives.ADMIN), "the admin's view is refused");
		switchTo(Perspectives.ADMIN);
		assertEquals(Perspectives.OFFICER, active(), "the key or command does nothing");
		// called past the disabled item, the handler still refuses
		MApplication app = Workbench.application();
		MWindow window = Workbench.find("org.miaopi.ui.window", MWindow.class);
		new SwitchPerspectiveHandler().execute(Perspectives.SUPERVISOR, DeskFixture.officer(DeskFixture.OFFICER), app,
				app.getContext().get(EModelService.class), window.getContext().get(EPartService.class));
		Workbench.processEvents();
		assertEquals(Perspectives.OFFICER, active());
	}

	@Test
	void aSupervisorStartsInTheSupervisorPerspectiveAndMayLookAtTheOfficers() {
		DeskFixture.signIn(DeskFixture.SUPERVISOR);
		assertEquals(Perspectives.SUPERVISOR, active());
		assertFalse(canSwitch(Perspectives.ADMIN));
		assertTrue(canSwitch(Perspectives.OFFICER), "the officer's view, with the decision commands disabled");
		switchTo(Perspectives.OFFICER);
		assertEquals(Perspectives.OFFICER, active());
	}

	@Test
	void anAdminStartsInTheAdminPerspectiveAndHasNoQueue() {
		DeskFixture.signIn(ADMIN_USER);
		assertEquals(Perspectives.ADMIN, active());
		assertFalse(canSwitch(Perspectives.OFFICER));
		assertFalse(canSwitch(Perspectives.SUPERVISOR));
		switchTo(Perspectives.OFFICER);
		assertEquals(Perspectives.ADMIN, active());
		Set<String> visible = visibleParts();
		assertTrue(visible.contains(MatterPluginsPart.ID), visible.toString());
		assertFalse(visible.contains(QueuePart.ID), "no queue for an admin: " + visible);
		// the queue part, made earlier for someone else, asked nothing of the store for the admin
		QueuePart queue = (QueuePart) Workbench.find(QueuePart.ID, MPart.class).getObject();
		if (queue != null) {
			assertEquals(0, queue.getTable().getItemCount());
			assertEquals(null, queue.getRows());
		}
	}

	@Test
	void signingOutShowsTheOfficerPerspectiveEmpty() {
		DeskFixture.signIn(ADMIN_USER);
		DeskFixture.session().signOut();
		Workbench.processEvents();
		assertEquals(Perspectives.OFFICER, active());
		assertFalse(canSwitch(Perspectives.ADMIN));
		assertFalse(canSwitch(Perspectives.SUPERVISOR));
	}

	private static String active() {
		return Workbench.find("org.miaopi.ui.perspectivestack", MPerspectiveStack.class).getSelectedElement().getElementId();
	}

	private static ParameterizedCommand command(String perspectiveId) {
		return Workbench.application().getContext().get(ECommandService.class).createCommand(SwitchPerspectiveHandler.COMMAND_ID,
				Map.of(SwitchPerspectiveHandler.PARAMETER_ID, perspectiveId));
	}

	private static boolean canSwitch(String perspectiveId) {
		return Workbench.application().getContext().get(EHandlerService.class).canExecute(command(perspectiveId));
	}

	private static void switchTo(String perspectiveId) {
		Workbench.application().getContext().get(EHandlerService.class).executeHandler(command(perspectiveId));
		Workbench.processEvents();
	}

	private static Set<String> visibleParts() {
		MApplication app = Workbench.application();
		Set<String> visible = new HashSet<>();
		EModelService models = app.getContext().get(EModelService.class);
		MPerspectiveStack stack = Workbench.find("org.miaopi.ui.perspectivestack", MPerspectiveStack.class);
		for (MPart part : models.findElements(stack.getSelectedElement(), null, MPart.class)) {
			if (part.getWidget() instanceof Control c && c.isVisible()) {
				visible.add(part.getElementId());
			}
		}
		return visible;
	}
}
