package org.miaopi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.miaopi.cli.CommandLineTest.Run;
import org.miaopi.core.MiaopiHome;

/** {@code ./miaopi users ...} and demo mode as an admin types them, on a demo store (the demo's admin signs in without a password). */
class UsersCommandTest {

	@BeforeAll
	static void demoStore() {
		Run demo = CommandLineTest.miaopi("demo", "--dossiers", "20", "--seed", "3");
		assertEquals(Subcommand.OK, demo.exit(), demo.err());
		assertTrue(demo.out().contains("Demo mode is on"), demo.out());
	}

	@Test
	void theAdminAddsLocksUnlocksAndResetsAUser() {
		Run add = CommandLineTest.miaopi("users", "add", "sun.li", "孙丽", "szpsb", "officer");
		assertEquals(Subcommand.OK, add.exit(), add.err());
		Matcher otp = Pattern.compile("one-time password .*: (\\S{12})").matcher(add.out());
		assertTrue(otp.find(), add.out());

		Run list = CommandLineTest.miaopi("users", "list");
		assertEquals(Subcommand.OK, list.exit(), list.err());
		assertTrue(list.out().lines().anyMatch(l -> l.startsWith("sun.li") && l.contains("SZPSB") && l.contains("officer")
				&& l.contains("one-time password")), list.out());

		Run lock = CommandLineTest.miaopi("users", "lock", "sun.li", "on", "leave");
		assertEquals(Subcommand.OK, lock.exit(), lock.err());
		assertTrue(CommandLineTest.miaopi("users", "list").out().contains("LOCKED by an admin: on leave"));
		assertTrue(CommandLineTest.miaopi("users", "lock", "sun.li", "again").out().contains("already was locked"));
		assertEquals(Subcommand.OK, CommandLineTest.miaopi("users", "unlock", "sun.li").exit());

		Run reset = CommandLineTest.miaopi("users", "reset", "sun.li");
		assertEquals(Subcommand.OK, reset.exit(), reset.err());
		assertTrue(reset.out().contains("new one-time password of sun.li"), reset.out());

		Run taken = CommandLineTest.miaopi("users", "add", "sun.li", "孙丽", "SZPSB", "officer");
		assertEquals(Subcommand.FAILED, taken.exit());
		assertTrue(taken.err().contains("already"), taken.err());
		Run badRole = CommandLineTest.miaopi("users", "add", "zhou.yu", "周宇", "SZPSB", "system");
		assertEquals(Subcommand.USAGE, badRole.exit());

		Run audit = CommandLineTest.miaopi("audit", "verify");
		assertEquals(Subcommand.OK, audit.exit(), audit.out() + audit.err());
	}

	@Test
	void anOfficerIsNotAnAdmin() throws IOException {
		String officer = Files.readAllLines(MiaopiHome.current().resolve("demo-officers.txt")).stream()
				.filter(l -> l.contains("\tOFFICER\t")).findFirst().orElseThrow().split("\t")[0];
		Run refused = CommandLineTest.miaopi("users", "list", "--as", officer);
		assertEquals(Subcommand.FAILED, refused.exit(), refused.out());
		assertTrue(refused.err().contains("is not an admin"), refused.err());
		Run seal = CommandLineTest.miaopi("seal", "rotate", "MKT", "--as", officer);
		assertEquals(Subcommand.FAILED, seal.exit(), seal.out());
	}

	@Test
	void demoModeIsStatedByStoreInfoAndCanBeTurnedOff() {
		assertTrue(CommandLineTest.miaopi("store", "info").out().contains("Demo mode:      on"));
		try {
			Run off = CommandLineTest.miaopi("store", "demo-mode", "off");
			assertEquals(Subcommand.OK, off.exit(), off.err());
			assertTrue(CommandLineTest.miaopi("store", "info").out().contains("Demo mode:      off"));
		} finally {
			assertEquals(Subcommand.OK, CommandLineTest.miaopi("store", "demo-mode", "on").exit());
		}
	}

	@Test
	void aSealIsRotatedByTheAdminAndListedWithItsValidity() {
		// the test home outlives a run: count from whatever it already holds
		int[] kept = new int[2];
		for (int i = 0; i < 2; i++) {
			Run rotate = CommandLineTest.miaopi("seal", "rotate", "HRSS");
			assertEquals(Subcommand.OK, rotate.exit(), rotate.err());
			Matcher m = Pattern.compile("(\\d+) earlier certificate\\(s\\) kept").matcher(rotate.out());
			assertTrue(m.find(), rotate.out());
			kept[i] = Integer.parseInt(m.group(1));
		}
		assertEquals(kept[0] + 1, kept[1], "each rotation keeps one more earlier certificate");
		Run list = CommandLineTest.miaopi("seal", "list");
		assertTrue(list.out().contains("seal HRSS"), list.out());
	}
}
