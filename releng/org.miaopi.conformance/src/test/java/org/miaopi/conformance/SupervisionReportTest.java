package org.miaopi.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The supervisors' sealed reports are PDF/A-2b by veraPDF's count, as certificates are: a cards report
 * exported by the built product's CLI from demo data (its own Miaopi home), in English and in Chinese
 * (the CJK font, the rules' names with their codes in small print), checked after sealing.
 */
class SupervisionReportTest {

	private static final Path DIR = Path.of(System.getProperty("miaopi.conformance.dir", "target/conformance")).toAbsolutePath()
			.resolve("supervision");
	private static final Path HOME = DIR.resolve("home");

	@BeforeAll
	static void demo() throws Exception {
		ProductCli.delete(HOME);
		Files.createDirectories(HOME);
		Path log = DIR.resolve("demo.log");
		assertEquals(0, miaopi(log, "demo", "--dossiers", "80", "--seed", "1"), () -> "./miaopi demo failed:\n" + read(log));
		// the report lists stored cards: evaluate first, so the table (Chinese words, codes in small print) is checked too
		Path cards = DIR.resolve("cards.log");
		assertEquals(0, miaopi(cards, "supervise", "cards", "--as", "city.supervisor", "--from", from()), () -> read(cards));
	}

	private static String from() {
		return LocalDate.now().minusMonths(4).withDayOfMonth(1).toString();
	}

	@Test
	void aSealedCardsReportInEnglishIsPdfA2b() throws Exception {
		sealedCardsReportIsPdfA2b("en");
	}

	@Test
	void aSealedCardsReportInChineseIsPdfA2b() throws Exception {
		sealedCardsReportIsPdfA2b("zh");
	}

	private static void sealedCardsReportIsPdfA2b(String language) throws Exception {
		Path pdf = DIR.resolve("cards-" + language + ".pdf");
		Files.deleteIfExists(pdf);
		Path log = DIR.resolve("report-" + language + ".log");
		int exit = miaopi(log, "supervise", "report", "cards", "--out", pdf.toString(), "--as", "city.supervisor", "--from", from(),
				"-nl", language);
		assertEquals(0, exit, () -> "./miaopi supervise report failed:\n" + read(log));
		assertTrue(java.util.regex.Pattern.compile("Wrote [1-9]\\d* rows").matcher(read(log)).find(), () -> "an empty report: " + read(log));
		assertTrue(read(log).contains("sealed with the supervision office's seal"), () -> read(log));
		PdfA2b.Report report = PdfA2b.validate(pdf);
		System.out.println("veraPDF on " + pdf + ": " + report.summary());
		assertTrue(report.checks() > 1000, () -> "veraPDF evaluated too few checks to mean anything: " + report.summary());
		assertTrue(report.compliant(), () -> "the supervision report " + pdf + " is not PDF/A-2b; " + report.summary());
		assertEquals(PDFAFlavour.PDFA_2_B, report.declared());
	}

	private static int miaopi(Path log, String... args) throws Exception {
		return ProductCli.run(HOME, log, 300, args);
	}

	private static String read(Path log) {
		return ProductCli.read(log);
	}
}
