package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.model.AuditEvent;

/**
 * Passwordless sign-in only in an explicit demo mode kept in the store, never because a file
 * happens to lie in the Miaopi home (anyone who can write there could make one).
 */
class DemoModeTest {

	@TempDir
	Path tmp;

	@Test
	void aDemoLoginsFileInTheHomeDoesNotOpenPasswordlessSignIn() throws Exception {
		String before = System.getProperty(MiaopiHome.PROPERTY);
		System.setProperty(MiaopiHome.PROPERTY, tmp.toString());
		DeskStoreComponent desk = new DeskStoreComponent();
		try {
			desk.putDepartments(List.of(Fixtures.PSB));
			desk.putOfficers(List.of(Fixtures.OFFICER), Map.of());
			// the file the demo generator writes, as anyone with write access to the home could
			Files.writeString(tmp.resolve("demo-officers.txt"), "li.na\tOFFICER\tPSB\t李娜\tx\n");
			assertFalse(desk.demoMode());
			assertTrue(desk.signInOnDemoStore(Fixtures.OFFICER.id()).isEmpty(), "signed in without a password on a real desk");

			desk.setDemoMode(true);
			assertTrue(desk.demoMode());
			assertEquals(Fixtures.OFFICER, desk.signInOnDemoStore(Fixtures.OFFICER.id()).orElseThrow());
			desk.setDemoMode(false);
			assertTrue(desk.signInOnDemoStore(Fixtures.OFFICER.id()).isEmpty(), "demo mode turned off still lets automated runs in");

			List<String> modes = desk.ledger().stream().filter(e -> e.type().equals(DeskStore.DEMO_MODE_EVENT))
					.map(AuditEvent::details).map(d -> d.get("mode")).toList();
			assertEquals(List.of("on", "off"), modes, "each change of demo mode is in the audit ledger");
		} finally {
			desk.deactivate();
			if (before == null) {
				System.clearProperty(MiaopiHome.PROPERTY);
			} else {
				System.setProperty(MiaopiHome.PROPERTY, before);
			}
		}
	}
}
