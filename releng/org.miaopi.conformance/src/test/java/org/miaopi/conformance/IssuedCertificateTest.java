package org.miaopi.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * A certificate issued by the built product (its CLI, headless, in a fresh Miaopi home: new seal
 * hierarchy, loopback timestamp authority, PAdES B-LT seal) is PDF/A-2b by veraPDF's count, after
 * sealing: the signature, its appearance and the DSS are in the file that is checked.
 */
class IssuedCertificateTest {

	private static final Path DIR = Path.of(System.getProperty("miaopi.conformance.dir", "target/conformance")).toAbsolutePath();
	private static Path certificate;

	@BeforeAll
	static void issue() throws Exception {
		Path launcher = Path.of(System.getProperty("miaopi.launcher", "../../miaopi")).toAbsolutePath().normalize();
		Path home = DIR.resolve("home");
		delete(home);
		Files.createDirectories(home);
		certificate = DIR.resolve("certificate.pdf");
		Files.deleteIfExists(certificate);
		Path log = DIR.resolve("issue.log");
		ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "certificate", "issue-demo", certificate.toString())
				.redirectErrorStream(true).redirectOutput(log.toFile());
		pb.environment().put("MIAOPI_HOME", home.toString());
		pb.environment().put("MIAOPI_NO_BUILD", "1"); // this build made the product; never rebuild from inside it
		Process p = pb.start();
		if (!p.waitFor(180, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("./miaopi certificate issue-demo did not finish within 180 s; its output: " + read(log));
		}
		assertEquals(0, p.exitValue(), () -> "./miaopi certificate issue-demo failed; its output:\n" + read(log));
		assertTrue(Files.isRegularFile(certificate), () -> "no certificate was written; the CLI said:\n" + read(log));
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
		try {
			return Files.readString(log, StandardCharsets.UTF_8);
		} catch (Exception e) {
			return "(no output: " + e.getMessage() + ")";
		}
	}

	private static void delete(Path dir) throws Exception {
		if (Files.exists(dir)) {
			try (var walk = Files.walk(dir)) {
				walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
	}
}
