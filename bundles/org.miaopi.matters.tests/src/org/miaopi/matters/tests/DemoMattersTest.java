package org.miaopi.matters.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.miaopi.checks.BatchEvaluator;
import org.miaopi.checks.BatchEvaluator.Item;
import org.miaopi.checks.Evaluation;
import org.miaopi.checks.Evaluation.Outcome;
import org.miaopi.checks.Evaluator;
import org.miaopi.checks.Reasons;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.matter.ReasonUse;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;
import org.miaopi.demo.DemoCatalog;
import org.miaopi.demo.DemoGenerator;
import org.miaopi.demo.DemoMatter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Every demo matter, as the installed plugin, on demo data and on one-fact variants of it. */
class DemoMattersTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
	static final Instant NOW = TODAY.atTime(10, 0).atZone(ChinaTime.ZONE).toInstant();

	static MatterRegistry registry;
	static Map<String, List<SharedRecord>> bySubject;
	static List<Item> items;
	private final Evaluator evaluator = new Evaluator();

	@BeforeAll
	static void generateAndEvaluate() throws InterruptedException {
		BundleContext ctx = FrameworkUtil.getBundle(DemoGenerator.class).getBundleContext();
		ServiceTracker<MatterRegistry, MatterRegistry> t = new ServiceTracker<>(ctx, MatterRegistry.class, null);
		t.open();
		registry = t.waitForService(10_000);
		assertNotNull(registry, "the matter registry service");
		MemoryStore store = new MemoryStore();
		new DemoGenerator().fill(store, new DemoGenerator.Options(3000, 7, TODAY, false), p -> {
		});
		bySubject = store.records.stream().collect(Collectors.groupingBy(SharedRecord::subjectId));
		items = new BatchEvaluator(registry, new Evaluator()).evaluate(store.dossiers, bySubject, Set.of(), NOW, null, 1);
	}

	private Evaluation eval(Dossier d, List<SharedRecord> rs, Set<SharedSource> unavailable) {
		return evaluator.evaluate(registry.require(d.matterCode()), d, rs, unavailable, NOW);
	}

	private static Item approved(String code) {
		return items.stream().filter(i -> i.dossier().matterCode().equals(code) && i.evaluation().outcome() == Outcome.APPROVE)
				.findFirst().orElseThrow(() -> new AssertionError("no demo dossier of " + code + " was approved"));
	}

	private static List<SharedRecord> records(Dossier d) {
		return bySubject.get(d.applicant().subjectId());
	}

	@Test
	void everyReasonTheEngineGivesFitsWhatItsMatterSaysTheReasonIsFor() {
		int routed = 0;
		int decided = 0;
		for (Item i : items) {
			MatterDefinition m = registry.require(i.dossier().matterCode());
			Evaluation e = i.evaluation();
			if (e.decision() != null) {
				// an automatic rejection or 容缺 supplement passes the check an officer's decision does
				m.requireFitting(e.decision().kind(), e.decision().reasonCodes());
				decided++;
			}
			if (e.outcome() == Outcome.ROUTE) {
				for (String code : e.reasons()) {
					assertTrue(m.reason(code).orElseThrow(() -> new AssertionError(m.code() + " lacks " + code)).uses()
							.contains(ReasonUse.ROUTE), m.code() + ": " + code + " routes but is not declared for routing");
					routed++;
				}
			}
		}
		assertTrue(routed > 0 && decided > 0, "routed " + routed + ", decided " + decided);
		for (MatterDefinition m : registry.matters()) {
			// a reason with a legal basis of its own exists to reject: it must be offered for a rejection
			assertTrue(m.reasonCodes().stream().filter(r -> r.legalBasis() != null).allMatch(r -> r.uses().contains(ReasonUse.REJECT)),
					m.code());
			assertTrue(m.reasonCodes().stream().noneMatch(r -> r.uses().isEmpty()), m.code());
		}
	}

	@Test
	void everyDemoMatterIsAnInstalledPluginAndTheDemoUsesItsDefinition() {
		for (DemoMatter dm : DemoCatalog.MATTERS) {
			MatterDefinition m = registry.require(dm.code());
			assertEquals(dm.departmentCode(), m.departmentCode(), dm.code());
			assertEquals(dm.timeLimit(), m.timeLimitWorkingDays(), dm.code());
			assertEquals(dm.nameZh(), m.nameZh());
			assertTrue(m.materials().stream().map(r -> r.code()).toList().containsAll(dm.materials()), dm.code());
		}
		for (String theme : List.of(DemoCatalog.THEME_PHARMACY, DemoCatalog.THEME_TRAINING)) {
			assertEquals(DemoCatalog.theme(theme).stream().map(DemoMatter::code).toList(),
					registry.theme(theme).orElseThrow().matterCodes());
		}
		assertTrue(items.stream().allMatch(i -> i.unknownMatter() == null));
	}

	@Test
	void theDemoDataAreDecidedAsTheirHardCasesSay() {
		Map<String, Integer> tally = new TreeMap<>();
		for (Item i : items) {
			Evaluation e = i.evaluation();
			tally.merge(i.dossier().matterCode() + " " + e.outcome(), 1, Integer::sum);
			if (e.outcome() == Outcome.APPROVE) {
				assertTrue(e.comparisons().stream().allMatch(c -> c.outcome() == ComparisonOutcome.MATCH), e.toString());
				assertTrue(records(i.dossier()).stream().noneMatch(r -> r.source() == SharedSource.CREDIT_BLACKLIST));
			}
			if (records(i.dossier()).stream().anyMatch(r -> r.source() == SharedSource.CREDIT_BLACKLIST)) {
				assertTrue(e.outcome() == Outcome.REJECT || e.reasons().contains(Reasons.BLACKLIST_REVIEW), e.toString());
			}
		}
		for (DemoMatter m : DemoCatalog.MATTERS) {
			assertTrue(tally.getOrDefault(m.code() + " APPROVE", 0) > 0, tally.toString());
			assertTrue(tally.getOrDefault(m.code() + " ROUTE", 0) > 0, tally.toString());
		}
		assertTrue(tally.getOrDefault("ELDER-ALLOWANCE REJECT", 0) > 0, tally.toString());
		assertTrue(tally.getOrDefault("FOOD-BUSINESS SUPPLEMENT", 0) > 0, tally.toString());
	}

	@Test
	void eachMatterRoutesMismatchMissingStaleInvalidAndUnavailableAndTreatsTheBlacklistByItsPolicy() {
		for (DemoMatter dm : DemoCatalog.MATTERS) {
			MatterDefinition m = registry.require(dm.code());
			Item base = approved(dm.code());
			Dossier d = base.dossier();
			List<SharedRecord> rs = records(d);
			assertEquals(base.evaluation(), eval(d, rs, Set.of()), "same inputs, same decision: " + dm.code());
			SharedSource first = m.comparisonRules().get(0).source();
			expectRoute(eval(Variants.declared(d, "address", "广东省深圳市大鹏新区测试路1号"), rs, Set.of()), Reasons.MISMATCH, dm);
			expectRoute(eval(d, Variants.drop(rs, first), Set.of()), Reasons.MISSING_RECORD, dm);
			expectRoute(eval(d, Variants.older(rs, 800), Set.of()), Reasons.STALE_RECORD, dm);
			expectRoute(eval(Variants.declared(d, "address", "  "), rs, Set.of()), Reasons.INVALID_DECLARED, dm);
			expectRoute(eval(d, rs, Set.of(first)), Reasons.SOURCE_UNAVAILABLE, dm);
			Evaluation listed = eval(d, Variants.blacklisted(rs, d.applicant().subjectId(), NOW.minusSeconds(86_400)), Set.of());
			if (m.policy().blacklistBars()) {
				assertEquals(Outcome.REJECT, listed.outcome(), dm.code());
				assertEquals(List.of(Reasons.BLACKLISTED), listed.decision().reasonCodes());
				assertNotNull(listed.decision().legalBasis());
			} else {
				expectRoute(listed, Reasons.BLACKLIST_REVIEW, dm);
			}
		}
	}

	private static void expectRoute(Evaluation e, String reason, DemoMatter m) {
		assertEquals(Outcome.ROUTE, e.outcome(), m.code() + " " + e.reasons());
		assertNull(e.decision());
		assertTrue(e.reasons().contains(reason), m.code() + " expected " + reason + " in " + e.reasons());
	}

	private static void expect(Evaluation e, Outcome outcome, String reason) {
		assertEquals(outcome, e.outcome(), e.matterCode() + " " + e.reasons());
		assertTrue(e.reasons().contains(reason), e.matterCode() + " expected " + reason + " in " + e.reasons());
		if (outcome == Outcome.REJECT) {
			assertNotNull(e.decision().legalBasis(), "a rejection cites its legal basis");
		}
	}

	@Test
	void graduateResidence() {
		Item base = approved("GRAD-HUKOU");
		Dossier d = base.dossier();
		expect(eval(d, Variants.field(records(d), SharedSource.SOCIAL_SECURITY, "monthsContributed", "0"), Set.of()),
				Outcome.ROUTE, "SOCIAL-SECURITY-NONE");
		// no diploma handed in: the education record stands in for it
		Evaluation e = eval(Variants.without(d, "DIPLOMA"), records(d), Set.of());
		assertEquals(Outcome.APPROVE, e.outcome());
		assertEquals(List.of("DIPLOMA"), e.replacedMaterials().stream().map(m -> m.requirementCode()).toList());
		expect(eval(Variants.without(d, "EMPLOYMENT-CONTRACT"), records(d), Set.of()), Outcome.ROUTE, Reasons.MATERIAL_MISSING);
		// 2025年7月 and 2025 are the same year for the comparison, a wrong school is not
		expect(eval(Variants.declared(d, "school", "深圳技术大学"), records(d), Set.of()), Outcome.ROUTE, Reasons.MISMATCH);
	}

	@Test
	void elderlyAllowance() {
		Dossier d = approved("ELDER-ALLOWANCE").dossier();
		Dossier young = Variants.person(d, "19560101");
		expect(eval(young, Variants.rekey(records(d), young.applicant().subjectId()), Set.of()), Outcome.REJECT, "AGE-BELOW-80");
		expect(eval(d, Variants.field(records(d), SharedSource.HOUSEHOLD_REGISTRATION, "address", "北京市东城区东华门街道1号"),
				Set.of()), Outcome.REJECT, "HUKOU-NOT-SHENZHEN");
		Evaluation deferred = eval(Variants.without(d, "BANK-ACCOUNT"), records(d), Set.of());
		expect(deferred, Outcome.SUPPLEMENT, Reasons.MATERIAL_DEFERRED);
		assertNotNull(deferred.supplementDue());
	}

	@Test
	void rideHailingDriver() {
		Dossier d = approved("RIDE-HAILING-DRIVER").dossier();
		expect(eval(Variants.declared(d, "yearsDriving", "2"), records(d), Set.of()), Outcome.REJECT, "DRIVING-YEARS-SHORT");
		expect(eval(Variants.declared(d, "yearsDriving", "很多"), records(d), Set.of()), Outcome.ROUTE, Reasons.INVALID_DECLARED);
		expect(eval(d, Variants.field(records(d), SharedSource.LICENCE_REGISTRY, "licences", "无"), Set.of()), Outcome.ROUTE,
				"DRIVING-LICENCE-ABSENT");
		expect(eval(Variants.without(d, "HEALTH-CERTIFICATE"), records(d), Set.of()), Outcome.ROUTE, Reasons.MATERIAL_MISSING);
	}

	@Test
	void noCriminalRecord() {
		Dossier d = approved("NO-CRIMINAL-RECORD").dossier();
		expect(eval(Variants.without(d, "APPLICATION-FORM"), records(d), Set.of()), Outcome.SUPPLEMENT, Reasons.MATERIAL_DEFERRED);
		expect(eval(Variants.declared(d, "name", "李四"), records(d), Set.of()), Outcome.ROUTE, Reasons.MISMATCH);
	}

	@Test
	void pharmacyThemeMatters() {
		for (String code : List.of("BUSINESS-LICENCE", "DRUG-RETAIL", "FOOD-BUSINESS", "MED-DEVICE-II")) {
			Dossier d = approved(code).dossier();
			expect(eval(d, Variants.field(records(d), SharedSource.BUSINESS_REGISTRY, "status", "注销"), Set.of()), Outcome.ROUTE,
					"ENTERPRISE-NOT-ACTIVE");
			expect(eval(Variants.declared(d, "companyName", "深圳市别家大药房有限公司"), records(d), Set.of()), Outcome.ROUTE,
					Reasons.MISMATCH);
		}
		Dossier drug = approved("DRUG-RETAIL").dossier();
		expect(eval(drug, Variants.field(records(drug), SharedSource.LICENCE_REGISTRY, "licences", "无"), Set.of()), Outcome.ROUTE,
				"BUSINESS-LICENCE-ABSENT");
		expect(eval(Variants.without(drug, "PHARMACIST-CERTIFICATE"), records(drug), Set.of()), Outcome.ROUTE,
				Reasons.MATERIAL_MISSING);
		Dossier food = approved("FOOD-BUSINESS").dossier();
		expect(eval(Variants.without(food, "FOOD-SAFETY-RULES"), records(food), Set.of()), Outcome.SUPPLEMENT,
				Reasons.MATERIAL_DEFERRED);
	}

	@Test
	void trainingThemeMatters() {
		for (String code : List.of("SCHOOL-PERMIT", "NON-ENTERPRISE-REG")) {
			Dossier d = approved(code).dossier();
			expect(eval(d, Variants.field(records(d), SharedSource.BUSINESS_REGISTRY, "status", "吊销"), Set.of()), Outcome.ROUTE,
					"ENTERPRISE-NOT-ACTIVE");
		}
		Dossier school = approved("SCHOOL-PERMIT").dossier();
		List<SharedRecord> listed = new ArrayList<>(Variants.blacklisted(records(school), school.applicant().subjectId(), NOW));
		expect(eval(school, listed, Set.of()), Outcome.REJECT, Reasons.BLACKLISTED);
	}
}
