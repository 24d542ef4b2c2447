package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.miaopi.core.service.SecretPrompt;
import org.miaopi.core.service.SecretPrompt.Secret;
import org.miaopi.ui.session.PasswordPrompt;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** The dialog that asks for a password Miaopi does not store: typed hidden, named for what it opens. */
class PasswordPromptTest {

	private static final String STORE_TITLE = "Open the desk's store";

	@Test
	void theWorkbenchAsksInItsDialogNotOnTheConsole() {
		// the store and the seal service ask whoever ranks highest: the workbench must have registered
		// its dialog (a lazy bundle that e4 never started had no context to register it with)
		BundleContext context = FrameworkUtil.getBundle(PasswordPrompt.class).getBundleContext();
		assertNotNull(context, "the workbench's bundle is started");
		ServiceReference<SecretPrompt> best = context.getServiceReference(SecretPrompt.class);
		assertNotNull(best, "someone asks for passwords");
		assertInstanceOf(PasswordPrompt.class, context.getService(best));
		context.ungetService(best);
	}

	@Test
	void theStorePasswordIsTypedHiddenAndReturnedAsTyped() {
		String[] message = new String[1];
		boolean[] hidden = new boolean[1];
		Widgets.whenDialog(STORE_TITLE, s -> {
			message[0] = String.join("\n", Widgets.all(s, Label.class).stream().map(Label::getText).toList());
			Text field = Widgets.editable(s).get(0);
			hidden[0] = (field.getStyle() & SWT.PASSWORD) != 0;
			field.setText("correct horse");
			Widgets.press(s, "Open");
		});
		Optional<char[]> answer = new PasswordPrompt(Display.getCurrent()).ask(Secret.STORE, "/home/desk/.miaopi/store", null);
		assertEquals("correct horse", new String(answer.orElseThrow()));
		assertTrue(hidden[0], "the password is not shown as it is typed");
		assertTrue(message[0].contains("/home/desk/.miaopi/store"), message[0]);
		assertFalse(message[0].contains("does not open"), "the first question carries no complaint: " + message[0]);
	}

	@Test
	void afterAWrongPasswordTheDialogSaysSoAndCancelAnswersNothing() {
		String[] message = new String[1];
		Widgets.whenDialog(STORE_TITLE, s -> {
			message[0] = String.join("\n", Widgets.all(s, Label.class).stream().map(Label::getText).toList());
			Widgets.press(s, "Cancel");
		});
		Optional<char[]> answer = new PasswordPrompt(Display.getCurrent()).ask(Secret.STORE, "/d/store", "wrong password");
		assertTrue(answer.isEmpty(), "a cancel answers nothing");
		assertTrue(message[0].startsWith("That password does not open the store."), message[0]);
	}

	@Test
	void theSealCustodianIsAskedInTheSealsOwnWords() {
		String[] title = new String[1];
		Widgets.whenDialog("Unlock the department's seal", s -> {
			title[0] = s.getText();
			List<Text> fields = Widgets.editable(s);
			fields.get(0).setText("custodian's secret");
			Widgets.press(s, "Unlock");
		});
		Optional<char[]> answer = new PasswordPrompt(Display.getCurrent()).ask(Secret.SEAL_KEYSTORE, "/d/seals/keystore.p12", null);
		assertEquals("custodian's secret", new String(answer.orElseThrow()));
		assertEquals("Unlock the department's seal", title[0]);
	}
}
