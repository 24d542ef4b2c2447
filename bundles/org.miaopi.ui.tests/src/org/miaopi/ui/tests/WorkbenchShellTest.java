package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.ui.handlers.KeyBindingsHandler;
import org.miaopi.ui.handlers.SwitchPerspectiveHandler;
import org.miaopi.decision.ui.AuditTrailPart;
import org.miaopi.decision.ui.DecisionPart;
import org.miaopi.dossier.ui.ComparisonPart;
import org.miaopi.dossier.ui.DossierPart;
import org.miaopi.queue.ui.QueuePart;
import org.miaopi.ui.status.StatusBar;

/** Runs inside the started workbench (UI harness, product org.miaopi.ui.product, -nl en). */
class WorkbenchShellTest {

	private static final String OFFICER = "org.miaopi.ui.perspective.officer";
	private static final String SUPERVISOR = "org.miaopi.ui.perspective.supervisor";
	private static final String ADMIN = "org.miaopi.ui.perspective.admin";
	private static final List<String> FIVE_PARTS = List.of(QueuePart.ID, DossierPart.ID, ComparisonPart.ID,
			DecisionPart.ID, AuditTrailPart.ID);

	private MApplication app;

	@BeforeEach
	void officerPerspective() {
		app = Workbench.application();
		DeskFixture.session().signOut();
		Workbench.processEvents();
		switchTo(OFFICER);
	}

	@AfterEach
	void backToOfficer() {
		DeskFixture.session().signOut(); // signed out, the officer perspective shows, empty
		Workbench.processEvents();
	}

	@Test
	void windowOpensWithTheProductTitle() {
		assertNotNull(Display.getCurrent(), "tests run on the UI thread");
		MWindow window = Workbench.find("org.miaopi.ui.window", MWindow.class);
		Shell shell = (Shell) window.getWidget();
		assertTrue(shell.isVisible(), "main window visible");
		assertEquals("Miaopi (秒批)", shell.getText());
	}

	@Test
	void officerPerspectiveShowsTheFiveParts() {
		for (String id : FIVE_PARTS) {
			MPart part = Workbench.find(id, MPart.class);
			assertNotNull(part, id + " is in the model");
			assertNotNull(part.getObject(), id + " was created");
			Control control = (Control) part.getWidget();
			assertTrue(control.isVisible(), id + " is visible");
			assertTrue(control.getSize().x > 50 && control.getSize().y > 50, id + " has room: " + control.getSize());
		}
		QueuePart queue = (QueuePart) Workbench.find(QueuePart.ID, MPart.class).getObject();
		assertEquals(9, queue.getTable().getColumnCount(), "queue columns");
		assertEquals("Not signed in", queue.getEmptyState().getTitle());
		assertTrue(queue.getEmptyState().isVisible(), "signed out, the queue says so");
		assertEquals(0, queue.getTable().getItemCount(), "and shows no dossier");
	}

	@Test
	void supervisorPerspectiveHasAnotherLayoutWithoutTheDecisionPart() {
		Map<String, Control> officer = visibleParts();
		assertEquals(Set.copyOf(FIVE_PARTS), officer.keySet());
		Map<String, org.eclipse.swt.graphics.Rectangle> officerBounds = new HashMap<>();
		officer.forEach((id, c) -> officerBounds.put(id, c.getDisplay().map(c.getParent(), null, c.getBounds())));

		DeskFixture.signIn(DeskFixture.SUPERVISOR); // a supervisor starts in their own perspective
		assertEquals(SUPERVISOR, activePerspective().getElementId());
		Map<String, Control> supervisor = visibleParts();
		assertFalse(supervisor.containsKey(DecisionPart.ID), "supervisors read, they do not decide");
		assertTrue(supervisor.containsKey(org.miaopi.supervisor.ui.DashboardPart.ID), "it opens on the dashboard");
		assertFalse(supervisor.containsKey(QueuePart.ID), "the shared queue is a tab behind the dashboard");
		Workbench.find("org.miaopi.ui.window", org.eclipse.e4.ui.model.application.ui.basic.MWindow.class).getContext()
				.get(org.eclipse.e4.ui.workbench.modeling.EPartService.class).showPart(QueuePart.ID,
				org.eclipse.e4.ui.workbench.modeling.EPartService.PartState.VISIBLE);
		Workbench.processEvents();
		supervisor = visibleParts();
		assertTrue(supervisor.containsKey(QueuePart.ID));
		assertTrue(supervisor.containsKey(AuditTrailPart.ID));
		Control queue = supervisor.get(QueuePart.ID);
		assertNotEquals(officerBounds.get(QueuePart.ID), queue.getDisplay().map(queue.getParent(), null, queue.getBounds()),
				"the queue moved: the layout changed");
	}

	@Test
	void switchingPerspectiveIsACommand() {
		DeskFixture.signIn(DeskFixture.SUPERVISOR);
		IEclipseContext context = app.getContext();
		ECommandService commands = context.get(ECommandService.class);
		EHandlerService handlers = context.get(EHandlerService.class);
		ParameterizedCommand command = commands.createCommand(SwitchPerspectiveHandler.COMMAND_ID,
				Map.of(SwitchPerspectiveHandler.PARAMETER_ID, OFFICER));
		assertTrue(handlers.canExecute(command));
		handlers.executeHandler(command);
		Workbench.processEvents();
		assertEquals(OFFICER, activePerspective().getElementId());
		assertFalse(handlers.canExecute(commands.createCommand(SwitchPerspectiveHandler.COMMAND_ID,
				Map.of(SwitchPerspectiveHandler.PARAMETER_ID, ADMIN))), "the admin's perspective is not a supervisor's");
	}

	@Test
	void keyBindingsListTheirCommands() {
		List<String[]> rows = KeyBindingsHandler.bindings(app);
		Set<String> commands = rows.stream().map(r -> r[1]).collect(Collectors.toSet());
		assertTrue(commands.contains("Switch perspective: Supervisor"), commands.toString());
		assertTrue(commands.contains("Key bindings"), commands.toString());
		assertTrue(rows.stream().anyMatch(r -> r[0].equals("F1")), "F1 opens the key bindings");
	}

	@Test
	void statusBarSaysWhoIsSignedInAndTheVersion() {
		Object bar = Workbench.find("org.miaopi.ui.statusbar", org.eclipse.e4.ui.model.application.ui.menu.MToolControl.class)
				.getObject();
		StatusBar status = assertInstanceOf(StatusBar.class, bar);
		assertEquals("Not signed in", status.getUserText());
		assertTrue(status.getVersionText().startsWith("Miaopi 0.1.0"), status.getVersionText());
		org.eclipse.swt.widgets.Composite control = status.getControl();
		org.eclipse.swt.graphics.Rectangle onScreen = control.getDisplay().map(control.getParent(), null, control.getBounds());
		org.eclipse.swt.graphics.Rectangle window = control.getShell().getBounds();
		assertTrue(control.isVisible() && onScreen.height >= 12, "status bar visible: " + onScreen + " in " + window + " parent " + control.getParent().getBounds() + " pp " + control.getParent().getParent().getBounds());
		assertTrue(onScreen.y + onScreen.height <= window.y + window.height && onScreen.y > window.y + window.height / 2,
				"status bar at the bottom of the window: " + onScreen + " in " + window);
	}

	@Test
	void statusBarShowsTheSignedInOfficerAndDeadlineAlerts() throws Exception {
		DeskFixture.signIn(DeskFixture.OFFICER);
		StatusBar status = (StatusBar) Workbench.find("org.miaopi.ui.statusbar",
				org.eclipse.e4.ui.model.application.ui.menu.MToolControl.class).getObject();
		assertTrue(status.getUserText().contains(DeskFixture.OFFICER), status.getUserText());
		assertTrue(status.getUserText().contains("Shenzhen Public Security Bureau"), status.getUserText());
		assertTrue(status.getUserText().endsWith("\u00b7 officer"), "the role by its name: " + status.getUserText());
		assertTrue(status.getStoreText().contains("encrypted"), status.getStoreText());
		for (int i = 0; i < 100 && !status.getAlertsText().contains("overdue"); i++) {
			Thread.sleep(50);
			Workbench.processEvents();
		}
		assertTrue(status.getAlertsText().matches(".*\\d+\\+? overdue, \\d+\\+? at risk"), status.getAlertsText());
		DeskFixture.session().signOut();
		Workbench.processEvents();
		assertEquals("Not signed in", status.getUserText());
	}

	@Test
	void areaCommandsAreBoundToKeys() {
		Set<String> keys = KeyBindingsHandler.bindings(app).stream().map(r -> r[0] + " " + r[1]).collect(Collectors.toSet());
		for (String expected : List.of("Ctrl+Alt+A Decide: Approve", "Ctrl+Alt+R Decide: Reject",
				"Ctrl+Alt+S Decide: Request supplement", "Ctrl+F Search the queue", "Ctrl+Alt+C Go to part: Comparison")) {
			assertTrue(keys.contains(expected), expected + " in " + keys);
		}
	}

	private void switchTo(String perspectiveId) {
		ParameterizedCommand command = app.getContext().get(ECommandService.class)
				.createCommand(SwitchPerspectiveHandler.COMMAND_ID, Map.of(SwitchPerspectiveHandler.PARAMETER_ID, perspectiveId));
		app.getContext().get(EHandlerService.class).executeHandler(command);
		Workbench.processEvents();
	}

	private MPerspective activePerspective() {
		MPerspectiveStack stack = Workbench.find("org.miaopi.ui.perspectivestack", MPerspectiveStack.class);
		return stack.getSelectedElement();
	}

	private Map<String, Control> visibleParts() {
		Map<String, Control> visible = new HashMap<>();
		EModelService models = app.getContext().get(EModelService.class);
		for (MPart part : models.findElements(activePerspective(), null, MPart.class)) {
			if (part.getWidget() instanceof Control c && c.isVisible()) {
				visible.put(part.getElementId(), c);
			}
		}
		return visible;
	}
}
