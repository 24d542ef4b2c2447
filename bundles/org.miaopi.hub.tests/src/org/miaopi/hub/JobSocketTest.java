package org.miaopi.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.hub.store.HubDatabase;
import org.miaopi.sync.DeskIdentity;
import org.miaopi.sync.HubEnrolment;

/**
 * An admin's jobs while the hub serves on embedded Derby, which only the serving process may open:
 * {@code ./miaopi hub enrol-code} for a second desk must not mean stopping the hub.
 */
class JobSocketTest {

	record Ran(Integer exit, String out, String err) {
	}

	static Ran forward(Path hubDir, String... args) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Integer exit = JobSocket.forward(hubDir, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void anEnrolmentCodeMadeWhileTheHubServesEnrolsADesk() throws Exception {
		try (HubFixture f = new HubFixture();
				JobSocket jobs = JobSocket.open(f.dir, HubApplication.jobs(f.hub, f.store, HubDatabase.derby(f.dir.resolve("db"))))) {
			Ran code = forward(f.dir, "enrol-code", "--department", "SZPSB");
			assertEquals(0, code.exit(), code.err());
			String c = code.out().lines().findFirst().orElseThrow();
			DeskIdentity desk = HubEnrolment.enrol(f.url, "psb-desk-7", "SZPSB", c, DeskIdentity.fingerprint(f.seals.root()));
			assertEquals("psb-desk-7", desk.desk());
			assertTrue(forward(f.dir, "desks").out().contains("psb-desk-7"));

			Ran wrong = forward(f.dir, "enrol-code");
			assertEquals(2, wrong.exit());
			assertTrue(wrong.err().contains("give --department CODE"), wrong.err());
			Ran serve = forward(f.dir, "serve");
			assertEquals(2, serve.exit());
			assertTrue(serve.err().contains("the hub serves already"), serve.err());
		}
	}

	@Test
	void withNoHubServingTheJobRunsWhereItWasTyped(@TempDir Path dir) throws Exception {
		assertNull(forward(dir, "info").exit(), "no socket: run here");
		Path path = JobSocket.path(dir);
		Files.createDirectories(path.getParent());
		try (ServerSocketChannel killed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			killed.bind(UnixDomainSocketAddress.of(path)); // a hub killed with SIGKILL leaves its socket file
		}
		assertTrue(Files.exists(path));
		assertNull(forward(dir, "info").exit(), "nobody listens: run here");

		try (JobSocket jobs = JobSocket.open(dir, (args, out, err) -> {
			out.print(String.join(" ", args));
			err.print("注意");
			return 3;
		})) {
			Ran r = forward(dir, "users", "add", "孙丽");
			assertEquals(new Ran(3, "users add 孙丽", "注意"), r);
			IOException second = assertThrows(IOException.class, () -> JobSocket.open(dir, (a, o, e) -> 0));
			assertTrue(second.getMessage().contains("another hub already serves"), second.getMessage());
		}
		assertFalse(Files.exists(path), "the socket goes with the hub");
	}
}
