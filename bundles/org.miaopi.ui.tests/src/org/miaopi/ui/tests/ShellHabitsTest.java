package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.IPresentationEngine;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.decision.ui.AuditTrailPart;
import org.miaopi.queue.ui.QueuePart;
import org.miaopi.ui.api.EmptyState;
import org.miaopi.ui.api.Topics;
import org.miaopi.ui.handlers.KeyBindingsHandler;
import org.miaopi.ui.session.SignInDialog;

/** What users of Eclipse and of a desk expect of the shell, and the words it shows instead of internal keys. */
class ShellHabitsTest {

	@AfterEach
	void restore() {
		MPartStack stack = queueStack();
		stack.getTags().remove(IPresentationEngine.MAXIMIZED);
		Workbench.processEvents();
	}

	@Test
	void doubleClickingAPartsTabMaximisesItAndAgainRestores() throws Exception {
		// the test harness brings the min/max add-on with the IDE's workbench; the product has it
		// only because its own model (and runtime feature) names it
		try (java.io.InputStream in = org.eclipse.core.runtime.Platform.getBundle("org.miaopi.ui").getEntry("Application.e4xmi")
				.openStream()) {
			assertTrue(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
					.contains("org.eclipse.e4.ui.workbench.addons.minmax.MinMaxAddon"), "the application model has the min/max add-on");
		}
		DeskFixture.signIn(DeskFixture.OFFICER);
		MPartStack stack = queueStack();
		CTabFolder folder = (CTabFolder) stack.getWidget();
		Rectangle tab = folder.getItem(0).getBounds();
		doubleClick(folder, tab.x + tab.width / 2, tab.y + tab.height / 2);
		assertTrue(stack.getTags().contains(IPresentationEngine.MAXIMIZED), "maximised: " + stack.getTags());
		doubleClick(folder, tab.x + tab.width / 2, tab.y + tab.height / 2);
		assertFalse(stack.getTags().contains(IPresentationEngine.MAXIMIZED), "restored: " + stack.getTags());
	}

	@Test
	void ctrlMMaximisesTheActivePart() {
		DeskFixture.signIn(DeskFixture.OFFICER);
		MPart queue = Workbench.find(QueuePart.ID, MPart.class);
		Workbench.application().getContext().get(EPartService.class).activate(queue);
		assertTrue(KeyBindingsHandler.bindings(Workbench.application()).stream()
				.anyMatch(r -> r[0].equals("Ctrl+M") && r[1].equals("Maximise or restore the active part")), "Ctrl+M is bound");
		ParameterizedCommand maximise = Workbench.application().getContext().get(ECommandService.class)
				.createCommand("org.miaopi.ui.command.maximize", Map.of());
		EHandlerService handlers = Workbench.application().getContext().get(EHandlerService.class);
		handlers.executeHandler(maximise);
		Workbench.processEvents();
		assertTrue(queueStack().getTags().contains(IPresentationEngine.MAXIMIZED), "maximised: " + queueStack().getTags());
		handlers.executeHandler(maximise);
		Workbench.processEvents();
		assertFalse(queueStack().getTags().contains(IPresentationEngine.MAXIMIZED), "restored");
	}

	@Test
	void theKeyBindingListShowsEveryRowAndNamesPerspectivesByTheirLabel() {
		int rows = KeyBindingsHandler.bindings(Workbench.application()).size();
		Display display = Display.getCurrent();
		int[] visible = { -1 };
		display.asyncExec(() -> {
			for (Shell s : display.getShells()) {
				if (s.isVisible() && "Key bindings".equals(s.getText())) {
					Table table = Widgets.all(s, Table.class).get(0);
					visible[0] = (table.getClientArea().height) / table.getItemHeight();
					s.close();
				}
			}
		});
		ParameterizedCommand keys = Workbench.application().getContext().get(ECommandService.class)
				.createCommand("org.miaopi.ui.command.keys", Map.of());
		Workbench.application().getContext().get(EHandlerService.class).executeHandler(keys);
		assertTrue(visible[0] >= Math.min(rows, 20), "rows in view: " + visible[0] + " of " + rows);
		assertTrue(KeyBindingsHandler.bindings(Workbench.application()).stream().map(r -> r[1])
				.noneMatch(n -> n.endsWith(": officer") || n.endsWith(": supervisor") || n.endsWith(": admin")), "no perspective ids");
	}

	@Test
	void theSignInDialogPreselectsNobodyAndNamesDepartments() {
		SignInDialog dialog = new SignInDialog(new Shell(Display.getCurrent()), DeskFixture.service(StoreAdmin.class),
				DeskFixture.service(SignInService.class));
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			Combo who = Widgets.all(dialog.getShell(), Combo.class).get(0);
			assertEquals(-1, who.getSelectionIndex(), "nobody chosen for the user: " + who.getText());
			String officer = List.of(who.getItems()).stream().filter(i -> i.contains(DeskFixture.OFFICER)).findFirst().orElseThrow();
			assertTrue(officer.contains("Shenzhen Public Security Bureau"), officer);
			assertFalse(officer.contains(DeskFixture.DEPARTMENT), "no department code: " + officer);
		} finally {
			dialog.close();
		}
	}

	@Test
	void theAuditTrailSaysWhatHappenedInWordsWithTheKeyForSupport() {
		DeskFixture.signIn(DeskFixture.OFFICER);
		Dossier d = DeskFixture.pick(DossierStatus.IN_REVIEW, true, java.util.Set.of());
		Workbench.application().getContext().get(IEventBroker.class).send(Topics.DOSSIER_OPENED, d);
		Workbench.processEvents();
		Table table = DeskFixture.part(Topics.PART_AUDIT, AuditTrailPart.class).getTable();
		assertTrue(table.getItemCount() > 0);
		TableItem first = table.getItem(0);
		assertEquals("Imported into this desk", first.getText(3));
		assertEquals("dossier.imported", first.getData(), "the key, for the tooltip");
		assertFalse(first.getText(4).contains("="), "no raw details: " + first.getText(4));
		assertTrue(first.getText(4).contains("No-criminal-record certificate") || first.getText(4).contains("Graduate residence"),
				"the matter by its name: " + first.getText(4));
		for (TableItem item : table.getItems()) {
			assertFalse(item.getText(3).matches("[a-z]+\\.[a-z-]+"), "no raw key: " + item.getText(3));
		}
	}

	@Test
	void anAdminsQueueSaysItHasNoQueueForTheRoleNotAnError() {
		DeskFixture.signIn("admin");
		try {
			// the admin's perspective has no queue; the queue part, kept from the officer's layout, says why it is empty
			QueuePart queue = DeskFixture.part(Topics.PART_QUEUE, QueuePart.class);
			EmptyState empty = Widgets.shownEmptyState(queue.getTable().getParent());
			assertNotNull(empty, "an empty state, not an error line");
			assertTrue(empty.getTitle().contains("administrator"), empty.getTitle());
			assertTrue(Widgets.all(queue.getTable().getParent(), org.eclipse.swt.widgets.Label.class).stream()
					.noneMatch(l -> l.getText().contains("neither")), "no exception message");
		} finally {
			DeskFixture.signIn(DeskFixture.OFFICER);
		}
	}

	private static MPartStack queueStack() {
		MPart part = Workbench.find(QueuePart.ID, MPart.class);
		MUIElement ref = part.getCurSharedRef() != null ? part.getCurSharedRef() : part;
		return (MPartStack) (MUIElement) ref.getParent();
	}

	private static void doubleClick(CTabFolder folder, int x, int y) {
		Event e = new Event();
		e.button = 1;
		e.x = x;
		e.y = y;
		e.count = 2;
		folder.notifyListeners(SWT.MouseDoubleClick, e);
		Workbench.processEvents();
	}
}
