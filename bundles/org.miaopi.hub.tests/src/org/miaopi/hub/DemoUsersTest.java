package org.miaopi.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.miaopi.core.service.PasswordHashes;
import org.miaopi.demo.DemoGenerator;
import org.miaopi.hub.store.HubUser;

/** A desk that synced from a demo hub has someone to sign in: the demo's officers and supervisors are the hub's users. */
class DemoUsersTest {

	@Test
	void theDemoHubsUsersSignInWithThePasswordsInTheOwnerOnlyFile() throws Exception {
		try (HubFixture f = new HubFixture()) {
			DemoGenerator.Summary demo = DemoIntake.generate(10, 1, LocalDate.of(2026, 11, 2), lines -> {
			}, records -> {
			});
			int made = DemoUsers.ensure(f.store.users(), demo.logins(), f.dir);
			Path file = f.dir.resolve(DemoUsers.FILE);
			List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
			assertEquals(made, lines.size());
			assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
			assertTrue(lines.stream().anyMatch(l -> l.startsWith("psb.officer1\tOFFICER\tSZPSB\t")), lines.toString());
			assertTrue(lines.stream().anyMatch(l -> l.startsWith("psb.supervisor\tSUPERVISOR\tSZPSB\t")), lines.toString());
			assertTrue(lines.stream().noneMatch(l -> l.contains("ADMIN") || l.contains("SZJCJ")), "the city's admin and supervision office are not a department's users");
			for (String line : lines) {
				String[] cols = line.split("\t");
				HubUser u = f.store.users().user(cols[0]).orElseThrow();
				assertTrue(PasswordHashes.matches(cols[4].toCharArray(), u.passwordHash()), cols[0]);
				assertTrue(u.mustChangePassword(), cols[0] + " changes the one-time password at the first sign-in");
			}

			// a second hub demo: the users and their passwords stay
			assertEquals(0, DemoUsers.ensure(f.store.users(), demo.logins(), f.dir));
			assertEquals(lines, Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList());
		}
	}
}
