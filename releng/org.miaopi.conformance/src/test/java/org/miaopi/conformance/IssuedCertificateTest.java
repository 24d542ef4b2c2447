package org.miaopi.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * A certificate issued by the built product (its CLI, headless, in a fresh Miaopi home: new seal
 * hierarchy, loopback timestamp authority, PAdES B-LT seal) is PDF/A-2b by veraPDF's count, after
 * sealing: the signature, its appearance and the DSS are in the file that is checked. And the
 * product's {@code ./miaopi verify} trusts it while another Miaopi holds the desk's store.
 */
class IssuedCertificateTest {

	private static final Path DIR = Path.of(System.getProperty("miaopi.conformance.dir", "target/conformance")).toAbsolutePath();
	private static Path certificate;

	private static final Path HOME = DIR.resolve("home");

	@BeforeAll
	static void issue() throws Exception {
		ProductCli.delete(HOME);
		Files.createDirectories(HOME);
		certificate = DIR.resolve("certificate.pdf");
		Files.deleteIfExists(certificate);
		Path log = DIR.resolve("issue.log");
		int exit = miaopi(log, "certificate", "issue-demo", certificate.toString());
		assertEquals(0, exit, () -> "./miaopi certificate issue-demo failed; its output:\n" + read(log));
		assertTrue(Files.isRegularFile(certificate), () -> "no certificate was written; the CLI said:\n" + read(log));
	}

	private static int miaopi(Path log, String... args) throws Exception {
		return ProductCli.run(HOME, log, 180, args);
	}

	/**
	 * Another Miaopi (most often the workbench) has the desk's store open: this process holds the
	 * lock Derby takes on it, as that Miaopi would. Verifying the certificate must not depend on the
	 * store: every check holds, and the store's record is a check that could not be made, said so.
	 */
	@Test
	void aGenuineCertificateVerifiesWhileAnotherMiaopiHasTheStoreOpen() throws Exception {
		Path info = DIR.resolve("store-info.log");
		assertEquals(0, miaopi(info, "store", "info"), () -> read(info)); // the desk's store exists
		// what a running Derby leaves: db.lck naming its boot (written with writeUTF), and dbex.lck
		// (not empty) locked; a booting Derby that finds db.lck tries that lock and refuses when it is taken.
		// Derby removes both when it closes the database.
		try (java.io.DataOutputStream dbLck = new java.io.DataOutputStream(Files.newOutputStream(HOME.resolve("store/db/db.lck")))) {
			dbLck.writeUTF(java.util.UUID.randomUUID().toString());
		}
		Path lockFile = HOME.resolve("store/db/dbex.lck");
		Path log = DIR.resolve("verify-locked.log");
		int exit;
		try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
				java.nio.file.StandardOpenOption.WRITE);
				java.nio.channels.FileLock held = lock.lock()) {
			lock.write(java.nio.ByteBuffer.wrap(new byte[] { 1 })); // Derby trusts the lock of a dbex.lck that is not empty
			Path check = DIR.resolve("store-info-locked.log");
			assertEquals(1, miaopi(check, "store", "info"), () -> "the lock is not Derby's: " + read(check));
			assertTrue(read(check).contains("open in another running Miaopi"), () -> read(check));
			exit = miaopi(log, "verify", certificate.toString());
		}
		String out = read(log);
		System.out.println("./miaopi verify with the store open elsewhere:\n" + out);
		assertEquals(0, exit, () -> "a genuine certificate was not verified while the store was open elsewhere:\n" + out);
		assertTrue(out.contains("VERDICT: VALID"), out);
		assertTrue(out.contains("[--]   desk's store record: could not check: the desk's store is open in another running Miaopi"), out);
		assertFalse(out.contains("[FAIL]") || out.contains("damaged") || out.contains("Exception"), out);
	}

	@Test
	void issuedCertificateIsPdfA2b() throws Exception {
		PdfA2b.Report report = PdfA2b.validate(certificate);
		System.out.println("veraPDF on " + certificate + ": " + report.summary());
		assertTrue(report.checks() > 1000, () -> "veraPDF evaluated too few checks to mean anything: " + report.summary());
		assertTrue(report.compliant(), () -> "the issued certificate " + certificate + " is not PDF/A-2b; " + report.summary());
	}

	@Test
	void issuedCertificateDeclaresPdfA2b() throws Exception {
		// the XMP identification (pdfaid:part 2, conformance B) is what archives read to pick the profile
		assertEquals(PDFAFlavour.PDFA_2_B, PdfA2b.validate(certificate).declared());
	}

	private static String read(Path log) {
		return ProductCli.read(log);
	}
}
