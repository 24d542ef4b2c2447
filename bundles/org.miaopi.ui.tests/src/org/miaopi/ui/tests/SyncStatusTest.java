package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.miaopi.sync.SyncStatus;
import org.miaopi.sync.ui.SyncLine;
import org.miaopi.sync.ui.SyncStatusControl;

/** The status bar's sync field: online or offline, since when, and what waits. */
class SyncStatusTest {

	/** 10:42 in Beijing. */
	private static final Instant AT_10_42 = Instant.parse("2026-12-03T02:42:00Z");

	@Test
	void aDeskWithoutAHubSaysItWorksAlone() throws InterruptedException {
		Object control = Workbench.find("org.miaopi.sync.ui.status", org.eclipse.e4.ui.model.application.ui.menu.MToolControl.class)
				.getObject();
		SyncStatusControl sync = assertInstanceOf(SyncStatusControl.class, control);
		// the status is read off the UI thread and shown by asyncExec: let the event loop run
		var display = org.eclipse.swt.widgets.Display.getCurrent();
		for (int i = 0; i < 500 && sync.getText().isEmpty(); i++) {
			if (!display.readAndDispatch()) {
				Thread.sleep(20);
			}
		}
		assertEquals("Works alone (no hub)", sync.getText());
	}

	@Test
	void offlineSaysSinceWhenAndHowManyChangesWait() {
		assertEquals("Offline since 10:42 \u00b7 17 waiting",
				SyncLine.text(new SyncStatus(true, false, AT_10_42, AT_10_42.minusSeconds(600), 17, "the hub could not be reached", false)));
	}

	@Test
	void onlineSaysWhenTheLastSyncEnded() {
		assertEquals("Online \u00b7 synced 10:42 \u00b7 1,200 waiting",
				SyncLine.text(new SyncStatus(true, true, null, AT_10_42, 1_200, null, false)));
	}

	@Test
	void aHubThatRefusedIsNotCalledOffline() {
		SyncStatus refused = new SyncStatus(true, true, null, null, 3, "the hub refused the pull (403): revoked", false);
		assertEquals("Sync refused by the hub \u00b7 3 waiting", SyncLine.text(refused));
		assertTrue(SyncLine.tip(refused, 5).contains("revoked"), "the hub's reason is in the tooltip");
	}

	@Test
	void aSyncOfAnEarlierSessionIsShownUntilTheFirstTryOfThisOne() {
		java.time.Instant earlier = java.time.Instant.parse("2026-03-02T02:42:00Z");
		assertEquals("Last synced 03-02 10:42 \u00b7 2 waiting", SyncLine.text(new SyncStatus(true, false, null, earlier, 2, null, false)));
	}

	@Test
	void neverSyncedSaysSo() {
		assertEquals("Not synced yet \u00b7 0 waiting", SyncLine.text(new SyncStatus(true, false, null, null, 0, null, false)));
	}
}
