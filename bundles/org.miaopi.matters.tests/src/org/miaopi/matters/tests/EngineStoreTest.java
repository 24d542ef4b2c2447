package org.miaopi.matters.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.miaopi.checks.BatchEvaluator.Item;
import org.miaopi.checks.Engine;
import org.miaopi.checks.Evaluation;
import org.miaopi.checks.Evaluation.Outcome;
import org.miaopi.checks.Evaluator;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.matter.ThemeOutcome;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.SettleResult;
import org.miaopi.core.service.StoreFactory;
import org.miaopi.demo.DemoGenerator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The engine against a real store: pages, settlement, idempotent re-runs, themes. */
class EngineStoreTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
	static final Instant NOW = TODAY.atTime(10, 0).atZone(ChinaTime.ZONE).toInstant();

	private static <T> T service(Class<T> type) throws InterruptedException {
		BundleContext ctx = FrameworkUtil.getBundle(DemoGenerator.class).getBundleContext();
		ServiceTracker<T, T> t = new ServiceTracker<>(ctx, type, null);
		t.open();
		T s = t.waitForService(10_000);
		assertNotNull(s, type.getSimpleName());
		return s;
	}

	@Test
	void receivedDossiersAreSettledOnceAndAnInterruptedRunResumes() throws Exception {
		Path dir = Files.createTempDirectory("miaopi-engine-test");
		MatterRegistry registry = service(MatterRegistry.class);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try (OpenStore store = service(StoreFactory.class).open(dir.resolve("store"), false)) {
			new DemoGenerator().fill(store, new DemoGenerator.Options(400, 3, TODAY, false, true), p -> {
			});
			Engine engine = new Engine(store, registry, new Evaluator());
			// a first page, then the run "stops"
			Engine.Page first = engine.runPage(150, null, NOW, pool, 2);
			assertEquals(150, first.items().size());
			assertTrue(first.results().stream().allMatch(r -> r.outcome() == SettleResult.Outcome.SETTLED), first.results().toString());
			for (Item i : first.items()) {
				Evaluation e = i.evaluation();
				DossierStatus expected = e.decision() == null ? DossierStatus.PRE_CHECKED : e.decision().kind().resultingStatus();
				Dossier stored = store.find(Officer.SYSTEM, e.dossierNo()).orElseThrow();
				assertEquals(expected, stored.status(), e.toString());
				assertEquals(new java.util.HashSet<>(e.comparisons()), new java.util.HashSet<>(store.comparisons(Officer.SYSTEM, e.dossierNo())));
				AuditEvent checked = store.history(Officer.SYSTEM, e.dossierNo()).stream()
						.filter(a -> a.type().equals("dossier.pre-checked")).findFirst().orElseThrow();
				assertEquals(e.outcome().name(), checked.details().get("outcome"));
				assertEquals(e.inputsDigest().hex(), checked.details().get("inputsDigest"));
				if (e.outcome() == Outcome.ROUTE) {
					assertEquals(String.join(",", e.reasons()), checked.details().get("reasons"));
				}
				if (e.decision() != null) {
					Decision d = store.decisions(Officer.SYSTEM, e.dossierNo()).get(0);
					assertTrue(d.automatic());
					assertEquals(e.inputsDigest(), d.inputsDigest());
					assertEquals(e.policyVersion(), d.policyVersion());
				}
			}
			// settling the same page again changes nothing
			List<SettleResult> again = store.settle(Officer.SYSTEM,
					first.items().stream().map(i -> Engine.settlement(i.evaluation())).toList());
			assertTrue(again.stream().allMatch(r -> r.outcome() == SettleResult.Outcome.SKIPPED));
			// a re-run from the start picks up the other 250, never the first 150
			List<Item> rest = new ArrayList<>();
			assertEquals(250, engine.runAll(100, NOW, pool, 2, () -> false, p -> rest.addAll(p.items())));
			assertEquals(250, rest.size());
			assertTrue(rest.stream().noneMatch(i -> first.items().stream().anyMatch(f -> f.dossier().number().equals(i.dossier().number()))));
			assertNull(engine.runPage(100, null, NOW, pool, 2), "nothing is left to decide");
			// themes: each sub-dossier decided for its own department; the theme's outcome follows the rule
			List<Item> all = new ArrayList<>(first.items());
			all.addAll(rest);
			Map<String, List<DecisionKind>> themes = new HashMap<>();
			for (Item i : all) {
				if (i.dossier().isPartOfTheme()) {
					themes.computeIfAbsent(i.dossier().themeDossierNo(), k -> new ArrayList<>())
							.add(i.evaluation().decision() == null ? null : i.evaluation().decision().kind());
					assertEquals(registry.require(i.dossier().matterCode()).departmentCode(), i.dossier().departmentCode());
				}
			}
			assertTrue(themes.size() > 5, "demo themes: " + themes.size());
			assertTrue(themes.values().stream().anyMatch(k -> ThemeOutcome.of(k) == ThemeOutcome.APPROVED), themes.toString());
			// the demo's bulk form of storing comparisons replaces them too, in one go
			Map<String, List<org.miaopi.core.model.ComparisonResult>> bulk = new HashMap<>();
			bulk.put(all.get(0).dossier().number(), all.get(1).evaluation().comparisons().stream()
					.map(c -> new org.miaopi.core.model.ComparisonResult(c.ruleId(), c.field(), c.declared(), c.recorded(), c.outcome(),
							c.source(), c.asOf(), "bulk"))
					.toList());
			bulk.put(all.get(2).dossier().number(), List.of());
			store.putComparisons(bulk);
			assertTrue(store.comparisons(Officer.SYSTEM, all.get(0).dossier().number()).stream().allMatch(c -> "bulk".equals(c.note())));
			assertEquals(bulk.get(all.get(0).dossier().number()).size(), store.comparisons(Officer.SYSTEM, all.get(0).dossier().number()).size());
			assertTrue(store.comparisons(Officer.SYSTEM, all.get(2).dossier().number()).isEmpty());
		} finally {
			pool.shutdownNow();
		}
	}
}
