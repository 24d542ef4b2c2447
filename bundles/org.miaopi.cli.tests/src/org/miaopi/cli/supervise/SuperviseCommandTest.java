package org.miaopi.cli.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.cli.CliApplication;
import org.miaopi.cli.Subcommand;
import org.miaopi.supervision.CsvReport;

/**
 * {@code ./miaopi supervise cards|sample|review|report} on a demo store: cards stored once across
 * runs, a sample drawn again from its seed, reports as CSV with a BOM and their columns, and the
 * supervisor's scope (a department supervisor's report holds their department only; an officer is refused).
 */
class SuperviseCommandTest {

	record Run(int exit, String out, String err) {
	}

	static final String TODAY = "2026-11-23";

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
		Run demo = miaopi("demo", "--dossiers", "300", "--seed", "11", "--today", TODAY);
		assertEquals(Subcommand.OK, demo.exit(), demo.err());
	}

	@Test
	void aSecondRunOfTheCardsStoresNoneTwice() {
		Run first = miaopi("supervise", "cards", "--as", "city.supervisor", "--today", TODAY, "--from", "2026-01-01");
		assertEquals(Subcommand.OK, first.exit(), first.err());
		assertTrue(first.out().matches("(?s)Evaluated [\\d,]+ cases on 2026-11-23: [\\d,]+ signals, [\\d,]+ new cards stored.*"),
				first.out());
		Run again = miaopi("supervise", "cards", "--as", "city.supervisor", "--today", TODAY, "--from", "2026-01-01");
		assertTrue(again.out().contains(" 0 new cards stored"), again.out());
	}

	@Test
	void anOfficerCannotSuperviseAndAnUnknownNameIsSaidSo() {
		Run officer = miaopi("supervise", "cards", "--as", "psb.officer1");
		assertEquals(Subcommand.USAGE, officer.exit());
		assertTrue(officer.err().contains("psb.officer1 is not a supervisor"), officer.err());
		Run nobody = miaopi("supervise", "sample", "--as", "nobody", "--percent", "5");
		assertTrue(nobody.err().contains("no user 'nobody'"), nobody.err());
		Run other = miaopi("supervise", "report", "cards", "--out", tmp.resolve("x.csv").toString(), "--as",
				"psb.supervisor", "--department", "SZMCA");
		assertEquals(Subcommand.FAILED, other.exit(), other.out());
		assertFalse(Files.exists(tmp.resolve("x.csv")), "no report of another department");
	}

	@Test
	void theSameSeedDrawsTheSameSample() {
		String[] args = { "supervise", "sample", "--as", "city.supervisor", "--percent", "20", "--seed", "20261123",
				"--from", "2026-01-01", "--to", TODAY };
		Run a = miaopi(args);
		Run b = miaopi(args);
		assertEquals(Subcommand.OK, a.exit(), a.err());
		assertTrue(a.out().contains("seed 20261123"), a.out());
		assertEquals(a.out().lines().skip(1).toList(), b.out().lines().skip(1).toList(), "the same dossiers");
		assertFalse(a.out().lines().skip(1).toList().isEmpty(), a.out());
		String sample = a.out().replaceFirst("(?s)^Sample (\\d+):.*", "$1");
		String dossier = a.out().lines().skip(1).findFirst().orElseThrow().strip();
		Run review = miaopi("supervise", "review", sample, dossier, "disagree", "--note", "依据不足", "--as", "city.supervisor");
		assertEquals(Subcommand.OK, review.exit(), review.err());
		assertTrue(review.out().contains(dossier + "  disagree by city.supervisor: 依据不足"), review.out());
	}

	@Test
	void aReportIsCsvWithItsColumnsAndTheSupervisorsDepartmentOnly() throws IOException {
		miaopi("supervise", "cards", "--as", "city.supervisor", "--today", TODAY, "--from", "2026-01-01");
		Path cards = tmp.resolve("cards.csv");
		Run r = miaopi("supervise", "report", "cards", "--out", cards.toString(), "--as", "psb.supervisor", "--from",
				"2026-01-01", "--to", TODAY);
		assertEquals(Subcommand.OK, r.exit(), r.err());
		byte[] bytes = Files.readAllBytes(cards);
		assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 BOM");
		List<CSVRecord> rows = read(cards, SuperviseReportCommand.CARDS);
		assertFalse(rows.isEmpty(), "the demo has late cases");
		for (CSVRecord row : rows) {
			assertEquals("SZPSB", row.get("department"));
			assertFalse(row.get("evidence").isBlank());
		}
		Path perf = tmp.resolve("performance.csv");
		assertEquals(Subcommand.OK, miaopi("supervise", "report", "performance", "--by", "department", "--out",
				perf.toString(), "--as", "city.supervisor", "--from", "2026-01-01", "--to", TODAY, "--today", TODAY).exit());
		assertTrue(read(perf, SuperviseReportCommand.PERFORMANCE).size() > 1, "every department for the city supervisor");
		for (String kind : List.of("overrides", "signals", "replay")) {
			Path f = tmp.resolve(kind + ".csv");
			Run k = miaopi("supervise", "report", kind, "--out", f.toString(), "--as", "city.supervisor", "--from",
					"2026-11-01", "--to", TODAY, "--today", TODAY);
			assertEquals(Subcommand.OK, k.exit(), kind + ": " + k.err());
			read(f, switch (kind) {
			case "overrides" -> SuperviseReportCommand.OVERRIDES;
			case "signals" -> SuperviseReportCommand.SIGNALS;
			default -> SuperviseReportCommand.REPLAY;
			});
		}
	}

	@Test
	void todaysAutomaticDecisionsReplayIdentically() throws IOException {
		Run auto = miaopi("auto-approve");
		assertEquals(Subcommand.OK, auto.exit(), auto.err());
		String today = org.miaopi.core.calendar.ChinaTime.today().toString(); // the engine decides now
		Path f = tmp.resolve("replay-today.csv");
		Run r = miaopi("supervise", "report", "replay", "--out", f.toString(), "--as", "city.supervisor", "--from", today,
				"--to", today, "--today", today);
		assertEquals(Subcommand.OK, r.exit(), r.err());
		List<CSVRecord> rows = read(f, SuperviseReportCommand.REPLAY);
		assertFalse(rows.isEmpty(), "auto-approve decided some of the demo's received dossiers");
		for (CSVRecord row : rows) {
			assertEquals("true", row.get("identical"), row.get("dossier") + ": " + row.get("why"));
			assertEquals("replays identically", row.get("why"));
			assertEquals(row.get("stored_digest"), row.get("replayed_digest"));
		}
	}

	@Test
	void aSealedPdfReportVerifiesAndFailsAfterOneByteChanges() throws IOException {
		miaopi("supervise", "cards", "--as", "city.supervisor", "--today", TODAY, "--from", "2026-01-01");
		Path pdf = tmp.resolve("cards.pdf");
		Run r = miaopi("supervise", "report", "cards", "--out", pdf.toString(), "--as", "city.supervisor", "--from",
				"2026-01-01", "--to", TODAY, "--today", TODAY, "-nl", "zh");
		assertEquals(Subcommand.OK, r.exit(), r.err());
		assertTrue(r.out().contains("sealed with the supervision office's seal"), r.out());
		String text = text(pdf);
		assertTrue(text.contains("监察报告：预警与红黄牌"), text);
		assertTrue(text.contains("林监察 (city.supervisor, SZJCJ)"), "who exported it: " + text);
		assertTrue(text.contains("2026-01-01 – " + TODAY), "the period: " + text);
		assertTrue(text.contains("黄牌"), "levels and evidence in Chinese: " + text);

		Run ok = miaopi("verify", pdf.toString());
		assertEquals(Subcommand.OK, ok.exit(), ok.out() + ok.err());
		assertTrue(ok.out().contains("深圳市监察局"), "sealed by the supervision office: " + ok.out());
		assertTrue(ok.out().contains("supervision report SR-"), ok.out());

		byte[] bytes = Files.readAllBytes(pdf);
		String latin = new String(bytes, StandardCharsets.ISO_8859_1);
		int at = latin.indexOf("/MiaopiReport") + "/MiaopiReport(SR-2".length(); // a digit of the report's id
		assertTrue(Character.isDigit(latin.charAt(at)), latin.substring(at - 20, at + 5));
		bytes[at] = (byte) (bytes[at] == '9' ? '8' : bytes[at] + 1);
		Path changed = tmp.resolve("cards-changed.pdf");
		Files.write(changed, bytes);
		Run bad = miaopi("verify", changed.toString());
		assertEquals(Subcommand.FAILED, bad.exit(), bad.out());
		assertTrue(bad.out().contains("signature does NOT match"), bad.out());
	}

	@Test
	void anEmptyPeriodGivesASealedReportThatSaysItIsEmpty() throws IOException {
		Path pdf = tmp.resolve("empty.pdf");
		Run r = miaopi("supervise", "report", "overrides", "--out", pdf.toString(), "--as", "psb.supervisor", "--from",
				"2020-01-01", "--to", "2020-01-31");
		assertEquals(Subcommand.OK, r.exit(), r.err());
		assertTrue(r.out().startsWith("Wrote 0 rows of overrides"), r.out());
		String text = text(pdf);
		assertTrue(text.contains("Nothing to report: no rows in this period for these departments."), text);
		assertTrue(text.contains("SZPSB"), "the department supervised: " + text);
		assertEquals(Subcommand.OK, miaopi("verify", pdf.toString()).exit());
	}

	@Test
	void anOfficerCannotExportASealedReport() {
		Path pdf = tmp.resolve("officer.pdf");
		Run r = miaopi("supervise", "report", "cards", "--out", pdf.toString(), "--as", "psb.officer1");
		assertEquals(Subcommand.USAGE, r.exit());
		assertTrue(r.err().contains("psb.officer1 is not a supervisor"), r.err());
		assertFalse(Files.exists(pdf));
	}

	private static String text(Path pdf) throws IOException {
		try (com.itextpdf.kernel.pdf.PdfDocument doc = new com.itextpdf.kernel.pdf.PdfDocument(
				new com.itextpdf.kernel.pdf.PdfReader(pdf.toString()))) {
			return com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor.getTextFromPage(doc.getFirstPage());
		}
	}

	private static List<CSVRecord> read(Path file, List<String> columns) throws IOException {
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			assertEquals(CsvReport.BOM, (char) in.read());
			CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in);
			assertEquals(columns, p.getHeaderNames());
			return p.getRecords();
		}
	}
}
