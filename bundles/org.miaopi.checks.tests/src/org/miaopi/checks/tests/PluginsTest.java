package org.miaopi.checks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.miaopi.checks.tests.Fixtures.NOW;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.miaopi.checks.BatchEvaluator;
import org.miaopi.checks.BatchEvaluator.Item;
import org.miaopi.checks.Conditions;
import org.miaopi.checks.DefinedMatter;
import org.miaopi.checks.Evaluation.Outcome;
import org.miaopi.checks.Evaluator;
import org.miaopi.checks.Reasons;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.matter.AutoApprovalPolicy;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.matter.SupersededMatter;
import org.miaopi.core.matter.ThemeDefinition;
import org.miaopi.core.matter.ThemeOutcome;
import org.miaopi.core.matter.UnknownMatterException;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.SharedRecord;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/** Matters as plugins: registration, failures of a plugin, batches and themes. */
public class PluginsTest {

	/** A registry over a fixed set, for tests that need no OSGi service. */
	public static MatterRegistry registry(MatterDefinition... ms) {
		Map<String, MatterDefinition> map = new ConcurrentHashMap<>();
		for (MatterDefinition m : ms) {
			map.put(m.code(), m);
		}
		return new MatterRegistry() {
			public Optional<MatterDefinition> find(String c) {
				return Optional.ofNullable(map.get(c));
			}

			public MatterDefinition require(String c) {
				return find(c).orElseThrow(() -> new UnknownMatterException(c, map.keySet()));
			}

			public List<MatterDefinition> matters() {
				return List.copyOf(map.values());
			}

			public Optional<ThemeDefinition> theme(String t) {
				return Optional.empty();
			}

			public List<ThemeDefinition> themes() {
				return List.of();
			}
		};
	}

	private static Dossier as(Dossier d, String number, String matter, String theme, String department) {
		return new Dossier(number, matter, theme, d.applicant(), d.declaredData(), d.materials(), d.received(), d.deadline(),
				DossierStatus.RECEIVED, null, department);
	}

	@Test
	void aTestOnlyMatterRegisteredAsAServiceIsFoundComparedAndDecided() throws Exception {
		BundleContext ctx = FrameworkUtil.getBundle(Evaluator.class).getBundleContext();
		assertNotNull(ctx, "org.miaopi.checks is started (lazy activation)");
		ServiceTracker<MatterRegistry, MatterRegistry> tracker = new ServiceTracker<>(ctx, MatterRegistry.class, null);
		tracker.open();
		try {
			MatterRegistry registry = tracker.waitForService(10_000);
			assertNotNull(registry, "the matter registry is a DS service");
			assertTrue(registry.find("TEST-ONLY-PLUGIN").isEmpty());
			ServiceRegistration<MatterDefinition> reg = ctx.registerService(MatterDefinition.class,
					Fixtures.matter("TEST-ONLY-PLUGIN", false, false), null);
			try {
				MatterDefinition m = registry.require("TEST-ONLY-PLUGIN");
				Dossier d = as(Fixtures.dossier(), "SZ202611230000009", "TEST-ONLY-PLUGIN", null, "SZPSB");
				List<Item> items = new BatchEvaluator(registry, new Evaluator()).evaluate(List.of(d),
						Map.of(d.applicant().subjectId(), Fixtures.records()), Set.of(), NOW, null, 1);
				assertEquals(m.code(), items.get(0).evaluation().matterCode());
				assertEquals(Outcome.APPROVE, items.get(0).evaluation().outcome());
				assertEquals(3, items.get(0).evaluation().comparisons().size(), "three rules compared");
			} finally {
				reg.unregister();
			}
			assertTrue(registry.find("TEST-ONLY-PLUGIN").isEmpty(), "an uninstalled plugin's matter is gone");
			UnknownMatterException e = assertThrows(UnknownMatterException.class, () -> registry.require("NO-SUCH-MATTER"));
			assertTrue(e.getMessage().contains("NO-SUCH-MATTER") && e.getMessage().contains("installed"), e.getMessage());
		} finally {
			tracker.close();
		}
	}

	@Test
	void aMatterCodeDefinedByTwoPluginsStaysWhileEitherIsInstalled() throws Exception {
		BundleContext ctx = FrameworkUtil.getBundle(Evaluator.class).getBundleContext();
		ServiceTracker<MatterRegistry, MatterRegistry> tracker = new ServiceTracker<>(ctx, MatterRegistry.class, null);
		tracker.open();
		try {
			MatterRegistry registry = tracker.waitForService(10_000);
			MatterDefinition first = Fixtures.matter("TWICE-DEFINED", false, false);
			MatterDefinition second = Fixtures.matter("TWICE-DEFINED", true, false);
			ServiceRegistration<MatterDefinition> a = ctx.registerService(MatterDefinition.class, first, null);
			ServiceRegistration<MatterDefinition> b = ctx.registerService(MatterDefinition.class, second, null);
			try {
				assertTrue(registry.require("TWICE-DEFINED") == first, "the first plugin serves the code");
				assertEquals(1, registry.matters().stream().filter(m -> m.code().equals("TWICE-DEFINED")).count(), "listed once");
				a.unregister();
				a = null;
				assertTrue(registry.find("TWICE-DEFINED").orElse(null) == second, "the second plugin is still installed and takes over");
				assertEquals(1, registry.matters().stream().filter(m -> m.code().equals("TWICE-DEFINED")).count());
			} finally {
				if (a != null) {
					a.unregister();
				}
				b.unregister();
			}
			assertTrue(registry.find("TWICE-DEFINED").isEmpty(), "gone once neither is installed");
		} finally {
			tracker.close();
		}
	}

	/** A matter definition a plugin keeps of an earlier policy version, for replay only. */
	static final class Kept extends DefinedMatter implements SupersededMatter {
		Kept(String code, String version) {
			super(DefinedMatter.spec(code, "测试事项", "Test matter", "SZPSB").policy("policy.test", version).naturalPerson());
		}
	}

	@Test
	void anEarlierPolicyVersionAPluginKeepsServesReplaysOnly() throws Exception {
		BundleContext ctx = FrameworkUtil.getBundle(Evaluator.class).getBundleContext();
		ServiceTracker<MatterRegistry, MatterRegistry> tracker = new ServiceTracker<>(ctx, MatterRegistry.class, null);
		tracker.open();
		try {
			MatterRegistry registry = tracker.waitForService(10_000);
			MatterDefinition v2 = new DefinedMatter(DefinedMatter.spec("UPDATED", "测试事项", "Test matter", "SZPSB")
					.policy("policy.test", "2").naturalPerson()) {
			};
			Kept v1 = new Kept("UPDATED", "1");
			ServiceRegistration<MatterDefinition> current = ctx.registerService(MatterDefinition.class, v2, null);
			ServiceRegistration<SupersededMatter> kept = ctx.registerService(SupersededMatter.class, v1, null);
			try {
				assertTrue(registry.require("UPDATED") == v2, "new dossiers meet the current version only");
				assertEquals(1, registry.matters().stream().filter(m -> m.code().equals("UPDATED")).count(), "listed once");
				assertTrue(registry.underPolicy("UPDATED", "policy.test", "1").orElse(null) == v1, "v1 kept for replay");
				assertTrue(registry.underPolicy("UPDATED", "policy.test", "2").orElse(null) == v2);
				assertTrue(registry.underPolicy("UPDATED", "policy.test", "0").isEmpty(), "never shipped by the installed plugin");
				assertTrue(registry.underPolicy("UPDATED", "policy.other", "1").isEmpty(), "the policy id counts too");
				kept.unregister();
				kept = null;
				assertTrue(registry.underPolicy("UPDATED", "policy.test", "1").isEmpty(), "gone with the plugin that kept it");
			} finally {
				if (kept != null) {
					kept.unregister();
				}
				current.unregister();
			}
			assertTrue(registry.underPolicy("UPDATED", "policy.test", "2").isEmpty());
		} finally {
			tracker.close();
		}
	}

	@Test
	void aPluginThatThrowsRoutesAsRuleErrorAndTheBatchGoesOn() {
		DefinedMatter good = Fixtures.matter("GOOD", false, false);
		MatterDefinition badCondition = new DefinedMatter(DefinedMatter.spec("BAD-CONDITION", "坏", "Bad", "SZPSB").naturalPerson()
				.condition(Conditions.of("boom", "炸", "boom", f -> {
					throw new IllegalStateException("plugin bug");
				}))) {
		};
		MatterDefinition badPolicy = new DefinedMatter(DefinedMatter.spec("BAD-POLICY", "坏", "Bad", "SZPSB").naturalPerson()) {
			@Override
			public AutoApprovalPolicy policy() {
				throw new UnsupportedOperationException("no policy today");
			}
		};
		Dossier base = Fixtures.dossier();
		List<Dossier> batch = List.of(as(base, "N1", "BAD-CONDITION", null, "SZPSB"), as(base, "N2", "GOOD", null, "SZPSB"),
				as(base, "N3", "BAD-POLICY", null, "SZPSB"), as(base, "N4", "NOT-INSTALLED", null, "SZPSB"));
		List<Item> items = new BatchEvaluator(registry(good, badCondition, badPolicy), new Evaluator()).evaluate(batch,
				Map.of(base.applicant().subjectId(), Fixtures.records()), Set.of(), NOW, null, 1);
		assertEquals(4, items.size());
		assertEquals(Outcome.ROUTE, items.get(0).evaluation().outcome());
		assertEquals(Reasons.RULE_ERROR, items.get(0).evaluation().reasons().get(0));
		assertTrue(items.get(0).evaluation().error().contains("plugin bug"));
		assertNull(items.get(0).evaluation().conditions().get(0).verdict());
		assertEquals(Outcome.APPROVE, items.get(1).evaluation().outcome());
		assertEquals(List.of(Reasons.RULE_ERROR), items.get(2).evaluation().reasons());
		assertNull(items.get(3).evaluation());
		assertTrue(items.get(3).unknownMatter().contains("NOT-INSTALLED"));
	}

	@Test
	void aThemesSubDossiersAreDecidedInParallelEachForItsDepartment() throws Exception {
		String[][] members = { { "T-A", "SZAMR" }, { "T-B", "SZMPA" }, { "T-C", "SZAMR" }, { "T-D", "SZMPA" } };
		List<MatterDefinition> ms = new ArrayList<>();
		Set<String> threads = ConcurrentHashMap.newKeySet();
		List<Dossier> subs = new ArrayList<>();
		Dossier base = Fixtures.dossier();
		for (String[] m : members) {
			ms.add(new DefinedMatter(DefinedMatter.spec(m[0], m[0], m[0], m[1]).naturalPerson()
					.condition(Conditions.of("who", "线程", "thread", f -> {
						threads.add(Thread.currentThread().getName());
						try {
							Thread.sleep(50); // long enough for the other thread to take its share
						} catch (InterruptedException e) {
							Thread.currentThread().interrupt();
						}
						return org.miaopi.core.matter.Verdict.holds(null);
					}))) {
			});
			subs.add(as(base, "SZ-" + m[0], m[0], "TH2026112300001", m[1]));
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Map<String, Collection<SharedRecord>> records = Map.of(base.applicant().subjectId(), Fixtures.records());
			List<Item> items = new BatchEvaluator(registry(ms.toArray(MatterDefinition[]::new)), new Evaluator()).evaluate(subs,
					records, Set.of(), NOW, pool, 2);
			assertEquals(2, threads.size(), "two threads shared the theme: " + threads);
			Set<DecisionKind> kinds = new HashSet<>();
			for (int i = 0; i < items.size(); i++) {
				assertEquals(subs.get(i).number(), items.get(i).evaluation().dossierNo(), "order kept");
				assertEquals(members[i][1], items.get(i).dossier().departmentCode());
				kinds.add(items.get(i).evaluation().decision().kind());
			}
			assertEquals(Set.of(DecisionKind.APPROVE), kinds);
			assertEquals(ThemeOutcome.APPROVED, ThemeOutcome.of(items.stream().map(i -> i.evaluation().decision().kind()).toList()));
		} finally {
			pool.shutdown();
			pool.awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	@Test
	void theThemeOutcomeRules() {
		List<DecisionKind> someOpen = new ArrayList<>(List.of(DecisionKind.APPROVE, DecisionKind.APPROVE));
		someOpen.add(null);
		assertEquals(ThemeOutcome.PENDING, ThemeOutcome.of(someOpen));
		assertEquals(ThemeOutcome.REJECTED, ThemeOutcome.of(List.of(DecisionKind.APPROVE, DecisionKind.REJECT)));
		assertEquals(ThemeOutcome.PENDING, ThemeOutcome.of(List.of(DecisionKind.APPROVE, DecisionKind.REQUEST_SUPPLEMENT)));
		assertEquals(ThemeOutcome.APPROVED, ThemeOutcome.of(List.of(DecisionKind.APPROVE, DecisionKind.APPROVE)));
		assertEquals(ThemeOutcome.PENDING, ThemeOutcome.of(List.of()));
	}
}
