package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.miaopi.admin.ui.SealsPart;
import org.miaopi.admin.ui.SourcesPart;
import org.miaopi.admin.ui.UsersPart;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.SignInResult;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.service.UserAccount;
import org.miaopi.core.service.UserAccounts;
import org.miaopi.ui.session.SignInDialog;

/**
 * The admin manages users in the Admin perspective as a person would: New user… fills the dialog
 * and gets a one-time password, Lock… gives a reason, Reset password… gives a new one-time password
 * that the sign-in dialog then makes the user replace. Each is in the store and its audit ledger.
 */
class AdminUsersTest {

	private static final String NEW_ID = "ui.new.officer";

	@AfterEach
	void backToTheOfficer() throws Exception {
		DeskFixture.signIn(DeskFixture.OFFICER);
		// the sign-in dialog remembered the new user: other tests expect nobody to be offered first
		var node = org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE.getNode("org.miaopi.ui");
		node.remove("signin.lastUser");
		node.flush();
	}

	@Test
	void theAdminCreatesAnOfficerLocksThemAndResetsTheirPassword() throws Exception {
		DeskFixture.signIn("admin");
		UsersPart users = show(UsersPart.ID, UsersPart.class);
		assertTrue(rows(users.getTable()).stream().anyMatch(r -> r.startsWith(DeskFixture.OFFICER + "|")), "the demo's users are listed");
		int eventsBefore = DeskFixture.service(StoreAdmin.class).ledger().size();

		// New user…: the dialog, then the one-time password shown once
		List<String> shown = new ArrayList<>();
		Widgets.whenDialog("New user", s -> {
			List<Text> texts = Widgets.editable(s);
			texts.get(0).setText(NEW_ID);
			texts.get(1).setText("新科员");
			Combo department = Widgets.all(s, Combo.class).get(0);
			for (int i = 0; i < department.getItemCount(); i++) {
				if (department.getItem(i).contains("(" + DeskFixture.DEPARTMENT + ")")) {
					department.select(i);
				}
			}
			Widgets.press(s, "OK");
		});
		Widgets.whenDialog("One-time password", s -> {
			shown.add(Widgets.all(s, Text.class).stream().filter(t -> (t.getStyle() & SWT.READ_ONLY) != 0 && t.getText().length() == 12)
					.findFirst().orElseThrow().getText());
			Widgets.press(s, "OK");
		});
		click(users, "create");
		assertEquals(1, shown.size(), "the one-time password was shown: " + users.getResult());
		String row = row(users.getTable(), NEW_ID);
		assertTrue(row.contains("新科员") && row.contains("officer") && row.contains("One-time password"), row);
		assertEquals(SignInResult.Outcome.MUST_CHANGE_PASSWORD,
				DeskFixture.service(SignInService.class).attempt(NEW_ID, shown.get(0).toCharArray()).outcome());

		// Lock…: a reason, and the user cannot sign in
		select(users.getTable(), NEW_ID);
		Widgets.whenDialog("Reason", s -> {
			Widgets.editable(s).get(0).setText("transferred to another desk");
			Widgets.press(s, "OK");
		});
		click(users, "lock");
		assertTrue(row(users.getTable(), NEW_ID).contains("Locked by an admin: transferred to another desk"), users.getResult());
		assertEquals(SignInResult.Outcome.LOCKED_BY_ADMIN,
				DeskFixture.service(SignInService.class).attempt(NEW_ID, shown.get(0).toCharArray()).outcome());
		click(users, "unlock");
		assertFalse(row(users.getTable(), NEW_ID).contains("Locked"), users.getResult());

		// Reset password…: confirmed, a new one-time password, the old one is gone
		Widgets.whenDialog("Users of this desk", s -> Widgets.press(s, "Yes"));
		Widgets.whenDialog("One-time password", s -> {
			shown.add(Widgets.all(s, Text.class).stream().filter(t -> (t.getStyle() & SWT.READ_ONLY) != 0 && t.getText().length() == 12)
					.findFirst().orElseThrow().getText());
			Widgets.press(s, "OK");
		});
		select(users.getTable(), NEW_ID);
		click(users, "reset");
		assertEquals(2, shown.size(), users.getResult());
		SignInService signIns = DeskFixture.service(SignInService.class);
		assertEquals(SignInResult.Outcome.REFUSED, signIns.attempt(NEW_ID, shown.get(0).toCharArray()).outcome());

		// the sign-in dialog asks the user for a new password, then signs them in
		SignInDialog dialog = new SignInDialog(new Shell(Display.getCurrent()), DeskFixture.service(StoreAdmin.class), signIns);
		dialog.setBlockOnOpen(false);
		dialog.open();
		Shell s = dialog.getShell();
		Combo who = Widgets.all(s, Combo.class).get(0);
		for (int i = 0; i < who.getItemCount(); i++) {
			if (who.getItem(i).startsWith(NEW_ID + " ")) {
				who.select(i);
			}
		}
		List<Text> fields = Widgets.all(s, Text.class).stream().filter(t -> (t.getStyle() & SWT.PASSWORD) != 0).toList();
		assertEquals(3, fields.size(), "password, new password, repeat");
		assertFalse(fields.get(1).isVisible(), "the new password is asked only for a one-time password");
		fields.get(0).setText(shown.get(1));
		Widgets.press(s, "Sign in");
		assertTrue(fields.get(1).isVisible(), "the dialog asks for a new password");
		assertEquals(null, dialog.signedIn());
		fields.get(1).setText("chosen by the officer");
		fields.get(2).setText("chosen by the officer");
		Widgets.press(s, "Sign in");
		assertNotNull(dialog.signedIn(), "signed in with the new password");
		assertEquals(NEW_ID, dialog.signedIn().id());
		assertTrue(signIns.signIn(NEW_ID, "chosen by the officer".toCharArray()).isPresent());

		List<String> events = DeskFixture.service(StoreAdmin.class).ledger().stream().skip(eventsBefore)
				.filter(e -> e.type().startsWith("user.")).map(e -> e.actor() + " " + e.type()).toList();
		assertEquals(List.of("admin " + UserAccounts.CREATED, "admin " + UserAccounts.LOCKED, "admin " + UserAccounts.UNLOCKED,
				"admin " + UserAccounts.PASSWORD_RESET, NEW_ID + " " + UserAccounts.PASSWORD_CHANGED), events);
		UserAccount account = DeskFixture.service(UserAccounts.class).accounts(DeskFixture.officer("admin")).stream()
				.filter(a -> a.officer().id().equals(NEW_ID)).findFirst().orElseThrow();
		assertTrue(account.officer().hasRole(Role.OFFICER));
		assertFalse(account.mustChangePassword());
	}

	@Test
	void theSealsAndSourcesPartsOpenForTheAdminAndSayNothingToOthers() throws Exception {
		DeskFixture.signIn("admin");
		SealsPart seals = show(SealsPart.ID, SealsPart.class);
		assertFalse(seals.getResult().contains("Exception"), seals.getResult());
		SourcesPart sources = show(SourcesPart.ID, SourcesPart.class);
		assertTrue(sources.getTable().getItemCount() > 0, "every shared source is listed");
		Screenshots.take("admin-sources");
		show(UsersPart.ID, UsersPart.class);
		Screenshots.take("admin-users");

		// an officer who reaches the part (a restored layout) sees the empty state, and no action works
		DeskFixture.signIn(DeskFixture.OFFICER);
		assertEquals(0, sources.getTable().getItemCount());
		assertFalse(sources.getTable().isVisible());
	}

	private static <T> T show(String id, Class<T> type) {
		MPart part = Workbench.find(id, MPart.class);
		assertNotNull(part, id + " is in the model");
		Workbench.application().getContext().get(EPartService.class).showPart(part, EPartService.PartState.ACTIVATE);
		Workbench.processEvents();
		assertNotNull(part.getObject(), id + " was created");
		return type.cast(part.getObject());
	}

	private static void click(UsersPart part, String action) {
		Button b = part.getButton(action);
		assertNotNull(b, action);
		b.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		Workbench.processEvents();
	}

	private static List<String> rows(Table table) {
		List<String> out = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			StringBuilder b = new StringBuilder();
			for (int i = 0; i < table.getColumnCount(); i++) {
				b.append(item.getText(i)).append('|');
			}
			out.add(b.toString());
		}
		return out;
	}

	private static String row(Table table, String id) {
		return rows(table).stream().filter(r -> r.startsWith(id + "|")).findFirst().orElseThrow(() -> new AssertionError("no row " + id));
	}

	private static void select(Table table, String id) {
		for (int i = 0; i < table.getItemCount(); i++) {
			if (table.getItem(i).getText(0).equals(id)) {
				table.setSelection(i);
			}
		}
	}
}
