package org.miaopi.matters.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.miaopi.checks.BatchEvaluator.Item;
import org.miaopi.checks.Engine;
import org.miaopi.checks.Evaluator;
import org.miaopi.checks.Reasons;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.StoreFactory;
import org.miaopi.core.sync.HubMatterVersions;
import org.miaopi.core.sync.HubMatterVersions.Entry;
import org.miaopi.demo.DemoGenerator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * 秒批 only under the matter versions the hub enables (docs/hub.md, "Matter versions at the hub"), with
 * the engine against a real store that keeps the list the pull brought.
 */
class HubMatterVersionsTest {

	private static <T> T service(Class<T> type) throws InterruptedException {
		BundleContext ctx = FrameworkUtil.getBundle(DemoGenerator.class).getBundleContext();
		ServiceTracker<T, T> t = new ServiceTracker<>(ctx, type, null);
		t.open();
		T s = t.waitForService(10_000);
		assertNotNull(s, type.getSimpleName());
		return s;
	}

	/** Runs the engine over a demo store whose hub list says {@code hub(matter)} for each installed matter. */
	private static List<Item> run(java.util.function.Function<MatterDefinition, List<Entry>> hub) throws Exception {
		Path dir = Files.createTempDirectory("miaopi-hub-versions-test");
		MatterRegistry registry = service(MatterRegistry.class);
		try (OpenStore store = service(StoreFactory.class).open(dir.resolve("store"), false)) {
			new DemoGenerator().fill(store, new DemoGenerator.Options(120, 5, EngineStoreTest.TODAY, false, true), p -> {
			});
			HubMatterVersions versions = (HubMatterVersions) store;
			List<Entry> all = new ArrayList<>();
			registry.matters().forEach(m -> all.addAll(hub.apply(m)));
			versions.keepHubMatterVersions(all);
			assertEquals(all.size(), versions.hubMatterVersions().size(), "the store keeps what the pull brought");
			Engine engine = new Engine(store, registry, new Evaluator()).hubVersions(versions);
			List<Item> items = engine.runPage(500, null, EngineStoreTest.NOW, null, 1).items();
			for (Item i : items) {
				if (i.evaluation() != null && !i.evaluation().automatic()) {
					AuditEvent checked = store.history(Officer.SYSTEM, i.evaluation().dossierNo()).stream()
							.filter(a -> a.type().equals("dossier.pre-checked")).findFirst().orElseThrow();
					assertEquals(String.join(",", i.evaluation().reasons()), checked.details().get("reasons"));
				}
			}
			return items;
		}
	}

	@Test
	void aVersionDisabledAtTheHubIsNeverDecidedAloneAndGoesToAnOfficerSayingWhy() throws Exception {
		List<Item> items = run(m -> List.of(new Entry(HubMatterVersions.MATTER, m.code(), m.policy().version(), false)));
		assertFalse(items.isEmpty());
		for (Item i : items) {
			if (i.evaluation() != null) {
				assertFalse(i.evaluation().automatic(), i.evaluation().toString());
				assertEquals(Reasons.VERSION_NOT_ENABLED, i.evaluation().reasons().get(0));
			}
		}
	}

	@Test
	void onlyTheVersionsTheHubEnablesAreUsedOnceItNamesOne() throws Exception {
		// the hub enables a newer version this desk has not installed: the installed one is not enabled
		List<Item> items = run(m -> List.of(new Entry(HubMatterVersions.MATTER, m.code(), m.policy().version() + "-next", true)));
		assertTrue(items.stream().allMatch(i -> i.evaluation() == null || !i.evaluation().automatic()));
	}

	@Test
	void theInstalledVersionEnabledAtTheHubDecidesAsADeskWithoutAHubDoes() throws Exception {
		List<Item> gated = run(m -> List.of(new Entry(HubMatterVersions.MATTER, m.code(), m.policy().version(), true)));
		List<Item> alone = run(m -> List.of());
		assertEquals(alone.stream().filter(i -> i.evaluation() != null && i.evaluation().automatic()).count(),
				gated.stream().filter(i -> i.evaluation() != null && i.evaluation().automatic()).count());
		assertTrue(alone.stream().anyMatch(i -> i.evaluation() != null && i.evaluation().automatic()), "the demo has 秒批 cases");
		assertFalse(gated.stream().anyMatch(i -> i.evaluation() != null && i.evaluation().reasons().contains(Reasons.VERSION_NOT_ENABLED)));
	}

	@Test
	void aCodeTheHubNeverNamedKeepsEveryInstalledVersion() {
		List<Entry> hub = List.of(new Entry(HubMatterVersions.MATTER, "A", "2", true), new Entry(HubMatterVersions.MATTER, "B", "1", false));
		assertTrue(HubMatterVersions.enabled(hub, HubMatterVersions.MATTER, "C", "1"), "never named");
		assertTrue(HubMatterVersions.enabled(hub, HubMatterVersions.MATTER, "A", "2"));
		assertFalse(HubMatterVersions.enabled(hub, HubMatterVersions.MATTER, "A", "1"), "named, this version not enabled");
		assertFalse(HubMatterVersions.enabled(hub, HubMatterVersions.MATTER, "B", "1"));
		assertTrue(HubMatterVersions.enabled(hub, HubMatterVersions.THEME, "A", "1"), "a theme of the same code is another thing");
	}
}
