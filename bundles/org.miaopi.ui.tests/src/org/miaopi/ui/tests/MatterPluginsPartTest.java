package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.miaopi.updates.ui.MatterPluginsPart;
import org.miaopi.updates.ui.Messages;

/**
 * The Admin perspective's Matter plugins part: filled after a fresh start (it read bundles through
 * a bundle context that could be null, and threw), and a click with nothing selected says what to do.
 */
class MatterPluginsPartTest {

	@AfterEach
	void signOut() {
		DeskFixture.session().signOut();
	}

	@Test
	void anAdminSeesThePartFilledAndATextForEveryOutcome() throws Exception {
		DeskFixture.signIn("admin");
		MatterPluginsPart part = DeskFixture.part(MatterPluginsPart.ID, MatterPluginsPart.class);
		assertNotNull(part, "the part was created");
		Job.getJobManager().join(MatterPluginsPart.FAMILY, null);
		Workbench.processEvents();
		assertNotNull(part.getViewer().getTable());
		assertFalse(part.getMessage().contains("Exception"), part.getMessage());

		click(part, Messages.Plugins_uninstall);

		assertEquals(Messages.Plugins_selectFirst, part.getMessage());
	}

	private static void click(MatterPluginsPart part, String text) {
		Button b = find(part.getViewer().getTable().getParent(), text);
		assertNotNull(b, text);
		b.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		Workbench.processEvents();
	}

	private static Button find(Composite parent, String text) {
		for (Control c : parent.getChildren()) {
			if (c instanceof Button b && text.equals(b.getText())) {
				return b;
			}
			if (c instanceof Composite k) {
				Button found = find(k, text);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
