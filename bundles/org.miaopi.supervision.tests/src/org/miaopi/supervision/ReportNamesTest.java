package org.miaopi.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.supervision.CaseRecord;

/**
 * Reports name what the record codes: the rule, the department, the matter (as its plugin names it, in the
 * report's language) and the officer (as the desk's store has them), each in a {@code _name} column beside its
 * code in the CSV, and in the code's place in a PDF (the code under it in small print). A code the desk cannot
 * name (a matter no installed plugin has, a user the desk does not know) stays the code.
 */
class ReportNamesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 10, 12);
	static final Officer SUPERVISOR = SupervisionServiceTest.SUPERVISOR;

	private MemoryRecords records;
	private SupervisionService service;

	@SuppressWarnings("unchecked")
	private static <T> T stub(Class<T> type, Map<String, Object> answers) {
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (p, m, args) -> {
			if (!answers.containsKey(m.getName())) {
				throw new UnsupportedOperationException(m.getName());
			}
			Object a = answers.get(m.getName());
			return a instanceof java.util.function.Function<?, ?> f ? ((java.util.function.Function<Object, Object>) f).apply(args[0]) : a;
		});
	}

	static MatterRegistry gradHukou() {
		MatterDefinition m = stub(MatterDefinition.class, Map.of("code", Cases.MATTER, "nameZh", "毕业生落户", "nameEn",
				"Graduate residence registration", "toString", Cases.MATTER, "reasonCodes",
				List.of(new org.miaopi.core.matter.ReasonCode("SOCIAL-SECURITY-NONE", "接收单位尚未为申请人缴纳社保",
						"The employer pays no social security for the applicant yet", null))));
		return stub(MatterRegistry.class, Map.of("matters", List.of(m), "find",
				(java.util.function.Function<Object, Object>) code -> Optional.ofNullable(code.equals(Cases.MATTER) ? m : null)));
	}

	static StoreAdmin desk() {
		return stub(StoreAdmin.class, Map.of("officers", List.of(SUPERVISOR, SupervisionServiceTest.OFFICER), "departments",
				List.of(new Department("PSB", "市公安局", "Public Security Bureau"))));
	}

	@BeforeEach
	void lateCasesOfOneOfficerAndOneOfAMatterNotInstalled() {
		records = new MemoryRecords();
		for (int i = 1; i <= 3; i++) {
			records.cases.add(Cases.of("SZ" + i).status(DossierStatus.ASSIGNED).deadline(LocalDate.of(2026, 10, 8)).build());
		}
		records.cases.add(new CaseRecord("SZ4", "GONE-MATTER", "PSB", "zhao.lei", DossierStatus.ASSIGNED,
				Cases.at(LocalDate.of(2026, 9, 23)), LocalDate.of(2026, 10, 8), List.of(), List.of(), 0));
		service = new SupervisionService(records, null, gradHukou(), new SignalRules(Rules.defaults(), WorkingDayCalendar.china()))
				.naming(desk());
		service.evaluate(SUPERVISOR, null, LocalDate.of(2026, 9, 1), TODAY);
	}

	private Reports.Table report(Reports.Kind kind, Locale l, Performance.By by) {
		return service.report(SUPERVISOR, new Reports.Request(kind, null, LocalDate.of(2026, 9, 1), TODAY, TODAY, by, l));
	}

	private static Map<String, String> cells(Reports.Table t, int row) {
		Map<String, String> out = new java.util.LinkedHashMap<>();
		IntStream.range(0, t.columns().size()).forEach(i -> out.put(t.columns().get(i), t.rows().get(row).get(i)));
		return out;
	}

	private static int rowOf(Reports.Table t, String column, String value) {
		int c = t.columns().indexOf(column);
		return IntStream.range(0, t.rows().size()).filter(i -> t.rows().get(i).get(c).equals(value)).findFirst().orElseThrow();
	}

	@Test
	void aReasonIsNamedAsItsMatterWordsIt() {
		assertEquals("接收单位尚未为申请人缴纳社保", service.names(java.util.Locale.CHINA).reason("SOCIAL-SECURITY-NONE"));
		assertEquals("The employer pays no social security for the applicant yet",
				service.names(java.util.Locale.ENGLISH).reason("SOCIAL-SECURITY-NONE"));
		assertEquals("NO-SUCH-REASON", service.names(java.util.Locale.ENGLISH).reason("NO-SUCH-REASON"), "a code no matter defines is told as itself");
	}

	@Test
	void eachCodeHasItsNameInTheNextColumnInTheReportsLanguage() {
		assertEquals(List.of("level", "rule", "rule_name", "dossier", "department", "department_name", "matter", "matter_name",
				"officer", "officer_name", "subject", "raised_on", "evidence", "facts"), Reports.CARDS);
		Reports.Table en = report(Reports.Kind.CARDS, Locale.ENGLISH, null);
		Map<String, String> late = cells(en, rowOf(en, "dossier", "SZ1"));
		assertEquals("CASE_OVERDUE", late.get("rule"));
		assertEquals("Case past its deadline", late.get("rule_name"));
		assertEquals("Public Security Bureau", late.get("department_name"));
		assertEquals(Cases.MATTER, late.get("matter"));
		assertEquals("Graduate residence registration", late.get("matter_name"));
		assertEquals("li.na", late.get("officer"));
		assertEquals("李娜", late.get("officer_name"));
		assertTrue(late.get("evidence").startsWith("open, held by 李娜, used 8 of 5 working days"), late.get("evidence"));
		assertTrue(late.get("facts").contains("officer=li.na"), "the stored facts keep the id: " + late.get("facts"));

		Reports.Table zh = report(Reports.Kind.CARDS, Locale.SIMPLIFIED_CHINESE, null);
		Map<String, String> same = cells(zh, rowOf(zh, "dossier", "SZ1"));
		assertEquals("CASE_OVERDUE", same.get("rule"), "the codes do not change with the language");
		assertEquals("办件超过承诺期限", same.get("rule_name"));
		assertEquals("市公安局", same.get("department_name"));
		assertEquals("毕业生落户", same.get("matter_name"));
		assertEquals(Cases.MATTER, same.get("matter"));

		Map<String, String> unknown = cells(zh, rowOf(zh, "dossier", "SZ4"));
		assertEquals("GONE-MATTER", unknown.get("matter_name"), "no plugin names it: its code");
		assertEquals("zhao.lei", unknown.get("officer_name"), "a user this desk does not know: the id");
	}

	@Test
	void signalsOverridesAndPerformanceNameTheirCodesToo() {
		Reports.Table signals = report(Reports.Kind.SIGNALS, Locale.SIMPLIFIED_CHINESE, null);
		Map<String, String> s = cells(signals, rowOf(signals, "dossier", "SZ2"));
		assertEquals("毕业生落户", s.get("matter_name"));
		assertEquals("李娜", s.get("officer_name"));
		assertEquals("市公安局", s.get("department_name"));
		assertTrue(Reports.OVERRIDES.containsAll(List.of("matter_name", "officer_name", "department_name")));
		assertEquals(Reports.OVERRIDES.indexOf("matter") + 1, Reports.OVERRIDES.indexOf("matter_name"));

		Reports.Table byOfficer = report(Reports.Kind.PERFORMANCE, Locale.ENGLISH, Performance.By.OFFICER);
		assertEquals("李娜", cells(byOfficer, rowOf(byOfficer, "key", "li.na")).get("key_name"));
		Reports.Table byMatter = report(Reports.Kind.PERFORMANCE, Locale.ENGLISH, Performance.By.MATTER);
		assertEquals("Graduate residence registration", cells(byMatter, rowOf(byMatter, "key", Cases.MATTER)).get("key_name"));
		assertEquals("GONE-MATTER", cells(byMatter, rowOf(byMatter, "key", "GONE-MATTER")).get("key_name"));
		Reports.Table byDepartment = report(Reports.Kind.PERFORMANCE, Locale.SIMPLIFIED_CHINESE, null);
		assertEquals("市公安局", cells(byDepartment, rowOf(byDepartment, "key", "PSB")).get("key_name"));
	}

	@Test
	void aPdfShowsTheNameInTheCodesColumnWithTheCodeInSmallPrint() {
		Reports.Table zh = report(Reports.Kind.CARDS, Locale.SIMPLIFIED_CHINESE, null);
		var page = ReportExport.page(zh, SUPERVISOR, "SR-1", Instant.parse("2026-10-12T02:00:00Z"));
		assertEquals(List.of("level", "rule", "dossier", "department", "matter", "officer", "subject", "raised_on", "evidence"),
				Reports.shownColumns(Reports.Kind.CARDS), "no _name column and no stored facts");
		assertEquals(Reports.shownColumns(Reports.Kind.CARDS).stream().map(c -> SupervisionText.get("col." + c,
				Locale.SIMPLIFIED_CHINESE)).toList(), page.columns());
		assertEquals("事项", page.columns().get(4));
		List<String> row = page.rows().get(rowOf(zh, "dossier", "SZ1"));
		assertEquals("办件超过承诺期限\nCASE_OVERDUE", row.get(1));
		assertEquals("市公安局\nPSB", row.get(3));
		assertEquals("毕业生落户\n" + Cases.MATTER, row.get(4));
		assertEquals("李娜\nli.na", row.get(5));
		List<String> unknown = page.rows().get(rowOf(zh, "dossier", "SZ4"));
		assertEquals("GONE-MATTER", unknown.get(4), "a code without a name is shown once");
	}

	@Test
	void theCsvHasTheCodeAndTheNameColumns(@TempDir Path dir) throws Exception {
		Path csv = dir.resolve("cards.csv");
		service.export(SUPERVISOR, new Reports.Request(Reports.Kind.CARDS, null, LocalDate.of(2026, 9, 1), TODAY, TODAY, null,
				Locale.SIMPLIFIED_CHINESE), csv);
		String text = Files.readString(csv, StandardCharsets.UTF_8);
		assertTrue(text.startsWith(CsvReport.BOM + String.join(",", Reports.CARDS) + "\r\n"), text);
		assertTrue(text.contains("," + Cases.MATTER + ",毕业生落户,li.na,李娜,"), text);
		assertFalse(text.contains("Graduate residence registration"), "one language a report");
	}

	@Test
	void aRedCardForRepeatedYellowsNamesItsOfficerAndTellsItsCardsByDossierAndRuleName() {
		org.miaopi.core.supervision.Card red = new org.miaopi.core.supervision.Card(org.miaopi.core.supervision.CardLevel.RED,
				SignalRules.REPEATED_YELLOW, null, "PSB", null, "li.na", "li.na:2026-10", LocalDate.of(2026, 10, 9),
				CardEvidence.of("count", 3, "officer", "li.na", "month", "2026-10", "red", 3, "cards",
						"CASE_OVERDUE|SZ1|case,STAGE_OVERDUE|SZ2|review,CASE_OVERDUE|SZ3|case"), null);
		String zh = CardEvidence.render(red, service.names(Locale.SIMPLIFIED_CHINESE));
		assertTrue(zh.contains("李娜"), zh);
		assertTrue(zh.endsWith("SZ1 (办件超过承诺期限), SZ2 (环节超时), SZ3 (办件超过承诺期限)"), zh);
		assertFalse(zh.contains("|"), "no card key: " + zh);
		String en = CardEvidence.render(red, Locale.ENGLISH);
		assertTrue(en.startsWith("3 yellow cards of li.na in 2026-10 (red at 3): SZ1 (Case past its deadline), SZ2"), en);
		assertTrue(red.evidence().contains("cards=CASE_OVERDUE|SZ1|case,"), "stored as the keys");
	}

	@Test
	void withoutTheDesksUsersTheReportsStillHaveEveryRowTheCodesAsNames() {
		service = new SupervisionService(records, null, null, service.signalRules());
		Reports.Table t = report(Reports.Kind.CARDS, Locale.ENGLISH, null);
		assertFalse(t.rows().isEmpty());
		Map<String, String> late = cells(t, rowOf(t, "dossier", "SZ1"));
		assertEquals("li.na", late.get("officer_name"));
		assertEquals(Cases.MATTER, late.get("matter_name"));
		assertEquals("Case past its deadline", late.get("rule_name"), "the rules' names are the desk's own");
	}
}
