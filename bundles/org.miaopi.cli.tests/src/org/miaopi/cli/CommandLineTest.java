package org.miaopi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./miaopi <subcommand>} as a user types it: the DS subcommands of the product, run on a
 * small demo store in the test's own Miaopi home, with their exit codes and what they print.
 */
class CommandLineTest {

	/** What one run printed and returned. */
	record Run(int exit, String out, String err) {
	}

	@TempDir
	static Path tmp;

	static Run miaopi(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit;
		try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
				PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			exit = CliApplication.run(List.of(args), o, e);
		}
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@BeforeAll
	static void demoStore() {
		Run demo = miaopi("demo", "--dossiers", "60", "--seed", "7");
		assertEquals(Subcommand.OK, demo.exit(), demo.err());
	}

	@Test
	void helpListsTheHeadlessJobs() {
		Run help = miaopi("help");
		assertEquals(Subcommand.OK, help.exit());
		for (String job : List.of("auto-approve", "audit verify", "demo", "explain", "verify", "store info", "bench seal")) {
			assertTrue(help.out().contains(job), job + " missing from help:\n" + help.out());
		}
	}

	@Test
	void anUnknownSubcommandOrOptionIsAUsageErrorInOneLine() {
		Run unknown = miaopi("aprove");
		assertEquals(Subcommand.USAGE, unknown.exit());
		assertTrue(unknown.err().contains("unknown subcommand 'aprove'"), unknown.err());

		Run badOption = miaopi("demo", "--dosiers", "5");
		assertEquals(Subcommand.USAGE, badOption.exit());
		assertTrue(badOption.err().contains("unknown option '--dosiers'"), badOption.err());
		assertTrue(badOption.err().contains("usage: ./miaopi demo"), badOption.err());

		Run stray = miaopi("demo", "1000");
		assertEquals(Subcommand.USAGE, stray.exit());
		assertTrue(stray.err().contains("unexpected argument '1000'"), stray.err());

		Run badNumber = miaopi("auto-approve", "--limit", "many");
		assertEquals(Subcommand.USAGE, badNumber.exit());
		assertTrue(badNumber.err().contains("whole number"), badNumber.err());
	}

	@Test
	void helpKeepsEachJobReadableOnLinesOfAtMost110Characters() {
		String help = miaopi("help").out();
		for (String line : help.lines().toList()) {
			assertTrue(line.length() <= 110, "too long:\n" + line);
		}
		assertFalse(help.contains("[HOUSEHOLD_REGISTRATION"), "no Java list in the help:\n" + help);
		assertTrue(help.contains("compare and decide the received dossiers"), help);
	}

	@Test
	void storeInfoListsItsCountsInTheSameOrderOnEveryStore() {
		Run info = miaopi("store", "info");
		assertEquals(Subcommand.OK, info.exit(), info.err());
		List<String> labels = info.out().lines().dropWhile(l -> !l.equals("Counts:")).skip(1)
				.map(l -> l.strip().replaceAll("\\s+[\\d,]+$", "")).toList();
		assertEquals(List.of("dossiers", "received", "pre-checked", "assigned", "in review", "supplement requested", "approved", "rejected",
				"certificate issued", "archived", "withdrawn", "materials", "comparison results", "decisions", "certificates", "audit events",
				"shared records", "stored files", "users", "departments"), labels, info.out());
	}

	@Test
	void storeInfoSaysWhichKeysLieInClearAsTheDemosConvenience() {
		Run info = miaopi("store", "info");
		assertEquals(Subcommand.OK, info.exit(), info.err());
		String store = info.out().lines().filter(l -> l.startsWith("  store:")).findFirst().orElse("");
		String seals = info.out().lines().filter(l -> l.startsWith("  seals:")).findFirst().orElse("");
		assertTrue(store.contains("boot.key") && store.contains("demo convenience"), info.out());
		assertTrue(seals.contains("password in clear beside the keystore (demo convenience"), info.out());
	}

	@Test
	void theDemoStoreIsEncryptedAndItsLedgerIntact() {
		Run info = miaopi("store", "info");
		assertEquals(Subcommand.OK, info.exit(), info.err());
		assertTrue(info.out().contains("Encryption:     on"), info.out());

		Run audit = miaopi("audit", "verify");
		assertEquals(Subcommand.OK, audit.exit(), audit.err());
		assertTrue(audit.out().startsWith("Audit ledger intact:"), audit.out());
	}

	@Test
	void autoApprovalKeepsTheLedgerIntactAndDecidesNothingTwice() {
		Run first = miaopi("auto-approve");
		assertEquals(Subcommand.OK, first.exit(), first.err());
		assertTrue(first.out().contains("approved automatically"), first.out());

		Run again = miaopi("auto-approve");
		assertEquals(Subcommand.OK, again.exit(), again.err());
		assertTrue(again.out().contains("auto-approve: 0 received dossiers"), again.out());

		// the end of 秒批: the system issues the certificates of what it approved, each once
		Run issue = miaopi("issue-approved");
		assertEquals(Subcommand.OK, issue.exit(), issue.out() + issue.err());
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("issue-approved: (\\d+) certificates issued, 0 failures").matcher(issue.out());
		assertTrue(m.find(), issue.out());
		assertTrue(Integer.parseInt(m.group(1)) > 0, "the demo's 秒批 approvals get certificates: " + issue.out());
		assertFalse(issue.out().contains("NOT VERIFIED"), issue.out());
		Run reissue = miaopi("issue-approved");
		assertEquals(Subcommand.OK, reissue.exit(), reissue.err());
		assertTrue(reissue.out().contains("issue-approved: 0 certificates issued"), reissue.out());

		Run audit = miaopi("audit", "verify");
		assertEquals(Subcommand.OK, audit.exit(), audit.out() + audit.err());
	}

	@Test
	void theDemoRefusesToEmptyAStoreItDidNotFillUnlessForced() throws IOException {
		Path logins = org.miaopi.core.MiaopiHome.current().resolve("demo-officers.txt");
		Path kept = tmp.resolve("demo-officers.kept");
		Files.move(logins, kept); // the store now looks like a desk's own, not the demo's
		try {
			long events = eventCount();
			Run refused = miaopi("demo", "--dossiers", "5", "--seed", "7");
			assertEquals(Subcommand.FAILED, refused.exit(), refused.out());
			assertTrue(refused.err().contains("Refused") && refused.err().contains(String.format("%,d audit events", events))
					&& refused.err().contains(" dossiers, ") && refused.err().contains("--force"), refused.err());
			assertEquals(events, eventCount(), "nothing was emptied");
			assertFalse(Files.exists(logins));

			Run forced = miaopi("demo", "--dossiers", "60", "--seed", "7", "--force");
			assertEquals(Subcommand.OK, forced.exit(), forced.err());
			assertTrue(Files.exists(logins), "the refilled store is a demo store again");
			assertTrue(forced.out().contains("signing key"), forced.out());
		} finally {
			Files.deleteIfExists(kept);
		}
	}

	@Test
	void auditVerifySaysWhatItComparedAndWhetherSignaturesWereChecked() {
		Run audit = miaopi("audit", "verify");
		assertEquals(Subcommand.OK, audit.exit(), audit.out() + audit.err());
		assertTrue(audit.out().contains("Records compared with their events:"), audit.out());
		assertTrue(audit.out().contains("Officers' signatures:") && audit.out().contains("checked, all valid"), audit.out());
	}

	private static long eventCount() {
		Run info = miaopi("store", "info");
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("audit events\\D*([\\d,]+)").matcher(info.out());
		assertTrue(m.find(), info.out());
		return Long.parseLong(m.group(1).replace(",", ""));
	}

	@Test
	void explainingAnUnknownDossierFailsInOneLine() {
		Run run = miaopi("explain", "SZ000000000000000", "-nl", "en");
		assertEquals(Subcommand.FAILED, run.exit());
		assertTrue(run.err().contains("no dossier SZ000000000000000"), run.err());
		assertFalse(run.err().contains("Exception"), run.err());
	}

	@Test
	void verifyingSomethingThatIsNotAPdfIsAVerdictNotAStackTrace() throws IOException {
		Path notPdf = Files.writeString(tmp.resolve("letter.pdf"), "Dear applicant, ...");
		Run run = miaopi("verify", notPdf.toString());
		assertEquals(Subcommand.FAILED, run.exit());
		assertFalse((run.out() + run.err()).contains("Exception"), run.out() + run.err());
		assertFalse(run.out().isBlank(), "a verdict in words");

		Run missing = miaopi("verify", tmp.resolve("nowhere.pdf").toString());
		assertTrue(missing.exit() != Subcommand.OK);
		assertFalse((missing.out() + missing.err()).contains("Exception"), missing.out() + missing.err());
	}

	@Test
	void aCertificateIsIssuedBltaAndVerifiedAtAGivenTimeHonestly() throws IOException {
		Path dir = Files.createDirectories(tmp.resolve("lta"));
		Path pdf = dir.resolve("licence.pdf");
		assertEquals(Subcommand.OK, miaopi("certificate", "issue-demo", pdf.toString()).exit());

		Run now = miaopi("verify", pdf.toString());
		assertEquals(Subcommand.OK, now.exit(), now.out());
		assertTrue(now.out().contains("level: PAdES B-LTA"), now.out());

		// decades ahead, before any renewal: neither valid nor forged, and said why
		Run in2040 = miaopi("verify", pdf.toString(), "--at", "2040-01-01");
		assertEquals(Subcommand.FAILED, in2040.exit(), in2040.out());
		assertTrue(in2040.out().contains("validated at 2040-01-01T00:00:00Z"), in2040.out());
		assertTrue(in2040.out().contains("VERDICT: INDETERMINATE"), in2040.out());
		assertTrue(in2040.out().contains("renew-archive"), in2040.out());

		Run badDate = miaopi("verify", pdf.toString(), "--at", "someday");
		assertEquals(Subcommand.USAGE, badDate.exit(), badDate.err());

		// a fresh certificate needs no renewal yet: the job leaves it as it is
		Run renew = miaopi("certificate", "renew-archive", dir.toString());
		assertEquals(Subcommand.OK, renew.exit(), renew.out() + renew.err());
		assertTrue(renew.out().contains("0 renewed, 1 current"), renew.out());
	}
}
