package org.miaopi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.miaopi.cli.CommandLineTest.Run;
import org.miaopi.core.MiaopiHome;

/**
 * A newcomer's likely order: {@code ./miaopi} (a demo store) first, a hub later. The demo's made-up
 * dossiers of every department must never reach the hub: the hub refuses such a push whole, and the
 * desk would be stuck behind it for ever.
 */
class EnrolAfterDemoTest {

	@BeforeAll
	static void demoStore() {
		Run demo = CommandLineTest.miaopi("demo", "--dossiers", "20", "--seed", "5");
		assertEquals(Subcommand.OK, demo.exit(), demo.err());
	}

	@Test
	void aDeskThatWorkedAloneIsNotEnrolled() {
		// refused before the hub is asked: nothing listens on port 9, and the code is never spent
		Run enrol = CommandLineTest.miaopi("enrol", "https://127.0.0.1:9", "--desk", "psb-desk-9", "--department", "SZPSB",
				"--code", "AAAA-BBBB-CCCC");
		assertEquals(Subcommand.FAILED, enrol.exit(), enrol.out());
		assertTrue(enrol.err().contains("20 dossiers") && enrol.err().contains("worked alone")
				&& enrol.err().contains("new MIAOPI_HOME"), enrol.err());
		assertFalse(Files.exists(identity().resolve("hub.properties")));
	}

	@Test
	void theDemoDoesNotRunOnAnEnrolledDesk() throws IOException {
		Path id = Files.createDirectories(identity());
		Files.writeString(id.resolve("hub.properties"), "hub=https://127.0.0.1:9\n");
		Files.write(id.resolve("desk.p12"), new byte[] { 0 });
		try {
			for (String[] args : new String[][] { { "demo", "--dossiers", "5" }, { "demo", "--dossiers", "5", "--force" } }) {
				Run demo = CommandLineTest.miaopi(args);
				assertEquals(Subcommand.FAILED, demo.exit(), demo.out());
				assertTrue(demo.err().contains("enrolled at a hub") && demo.err().contains("must not reach the hub"), demo.err());
			}
			String info = CommandLineTest.miaopi("store", "info").out();
			assertTrue(info.matches("(?s).*\\n  dossiers +20\\n.*"), "the store kept its 20 dossiers:\n" + info);
		} finally {
			Files.delete(id.resolve("hub.properties"));
			Files.delete(id.resolve("desk.p12"));
		}
	}

	private static Path identity() {
		return MiaopiHome.current().resolve("desk");
	}
}
