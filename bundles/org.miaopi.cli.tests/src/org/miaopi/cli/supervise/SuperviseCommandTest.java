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

	/** The demo store as {@link #demoStore} made it: no card stored yet, so a run lists every card. */
	private static void freshDemo() {
		Run demo = miaopi("demo", "--dossiers", "300", "--seed", "11", "--today", TODAY);
		assertEquals(Subcommand.OK, demo.exit(), demo.err());
	}

	@Test
	void theCardsNameTheirLevelRuleMatterAndOfficerInTheLanguageAsked() {
		freshDemo();
		Run zh = miaopi("supervise", "cards", "--as", "city.supervisor", "--today", TODAY, "--from", "2026-01-01", "-nl", "zh");
		assertEquals(Subcommand.OK, zh.exit(), zh.err());
		assertTrue(zh.out().matches("(?s)已评估 [\\d,]+ 件（2026-11-23）：信号 [\\d,]+ 个，新发 [\\d,]+ 张（红牌 \\d+ 张.*"), zh.out());
		List<String> cards = zh.out().lines().skip(1).toList();
		assertFalse(cards.isEmpty(), "the demo has late cases");
		assertTrue(cards.stream().anyMatch(l -> l.startsWith("  黄牌 · 办件超过承诺期限 · ")), zh.out());
		assertTrue(cards.stream().anyMatch(l -> l.contains(" · 应届毕业生接收落户 · ")), "the matter by its name: " + zh.out());
		assertTrue(cards.stream().anyMatch(l -> l.matches(".* · \\p{IsHan}{2,4} \\(psb\\.officer\\d+\\): .*")),
				"the officer by name, the id a command takes beside it: " + zh.out());
		for (String code : List.of("CASE_OVERDUE", "STAGE_OVERDUE", "YELLOW", "GRAD-HUKOU", "Graduate")) {
			assertFalse(zh.out().contains(code), code + " in " + zh.out());
		}

		freshDemo();
		Run en = miaopi("supervise", "cards", "--as", "city.supervisor", "--today", TODAY, "--from", "2026-01-01", "-nl", "en");
		assertEquals(Subcommand.OK, en.exit(), en.err());
		assertTrue(en.out().lines().anyMatch(l -> l.startsWith("  Yellow card · Case past its deadline · ")), en.out());
		assertTrue(en.out().contains(" · Graduate residence registration · "), en.out());
		assertFalse(en.out().contains("应届毕业生"), en.out());
		assertEquals(cards.size(), en.out().lines().skip(1).count(), "the same cards in either language");

		Run wrong = miaopi("supervise", "cards", "--as", "city.supervisor", "-nl", "fr");
		assertEquals(Subcommand.USAGE, wrong.exit());
		assertTrue(wrong.err().contains("-nl takes zh or en"), wrong.err());
	}

	@Test
	void aReportHasANameColumnBesideEachCodeInTheLanguageAsked() throws IOException {
		miaopi("supervise", "cards", "--as", "city.supervisor", "--today", TODAY, "--from", "2026-01-01");
		for (String lang : List.of("zh", "en")) {
			Path cards = tmp.resolve("named-cards-" + lang + ".csv");
			Run r = miaopi("supervise", "report", "cards", "--out", cards.toString(), "--as", "city.supervisor", "--from",
					"2026-01-01", "--to", TODAY, "-nl", lang);
			assertEquals(Subcommand.OK, r.exit(), r.err());
			List<CSVRecord> rows = read(cards, SuperviseReportCommand.CARDS);
			CSVRecord grad = rows.stream().filter(x -> x.get("matter").equals("GRAD-HUKOU") && !x.get("officer").isEmpty())
					.findFirst().orElseThrow();
			assertEquals(lang.equals("zh") ? "应届毕业生接收落户" : "Graduate residence registration", grad.get("matter_name"));
			assertEquals(lang.equals("zh") ? "深圳市公安局" : "Shenzhen Public Security Bureau", grad.get("department_name"));
			assertTrue(grad.get("officer_name").matches("\\p{IsHan}{2,4}"), grad.get("officer") + " " + grad.get("officer_name"));
			for (CSVRecord x : rows) {
				assertEquals(lang.equals("zh"), x.get("rule_name").matches("\\p{IsHan}+"), x.get("rule") + " " + x.get("rule_name"));
			}
			Path perf = tmp.resolve("named-performance-" + lang + ".csv");
			assertEquals(Subcommand.OK, miaopi("supervise", "report", "performance", "--by", "matter", "--out", perf.toString(),
					"--as", "city.supervisor", "--from", "2026-01-01", "--to", TODAY, "--today", TODAY, "-nl", lang).exit());
			CSVRecord byMatter = read(perf, SuperviseReportCommand.PERFORMANCE).stream()
					.filter(x -> x.get("key").equals("GRAD-HUKOU")).findFirst().orElseThrow();
			assertEquals(grad.get("matter_name"), byMatter.get("key_name"));
		}
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
		assertTrue(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(dossier) + "  disagree by [^ (]+ \\(city\\.supervisor\\): 依据不足")
				.matcher(review.out()).find(), "the reviewer by name and id: " + review.out());
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
