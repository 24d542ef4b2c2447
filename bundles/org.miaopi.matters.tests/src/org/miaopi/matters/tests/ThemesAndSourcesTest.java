package org.miaopi.matters.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.miaopi.certificate.CertificateService;
import org.miaopi.certificate.DossierCertificate;
import org.miaopi.certificate.IssuedCertificate;
import org.miaopi.certificate.Progress;
import org.miaopi.certificate.ThemeIssuance;
import org.miaopi.certificate.Verdict;
import org.miaopi.checks.BatchEvaluator.Item;
import org.miaopi.checks.Engine;
import org.miaopi.checks.Evaluation;
import org.miaopi.checks.Evaluator;
import org.miaopi.checks.Reasons;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.matter.ThemeOutcome;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.StoreFactory;
import org.miaopi.demo.DemoGenerator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Through a real store: a shared source marked unavailable routes (never approves) the dossiers
 * that need it; themes' outcomes are stored as the engine settles their members, and the
 * certificates of approved themes are issued together, once.
 */
class ThemesAndSourcesTest {

	private static <T> T service(Class<T> type) throws InterruptedException {
		BundleContext ctx = FrameworkUtil.getBundle(DemoGenerator.class).getBundleContext();
		ServiceTracker<T, T> t = new ServiceTracker<>(ctx, type, null);
		t.open();
		T s = t.waitForService(10_000);
		assertNotNull(s, type.getSimpleName());
		return s;
	}

	private static List<Item> runAll(Engine engine, ExecutorService pool) {
		List<Item> all = new ArrayList<>();
		for (String after = null;;) {
			Engine.Page p = engine.runPage(200, after, EngineStoreTest.NOW, pool, 2);
			if (p == null) {
				return all;
			}
			after = p.lastNumber();
			all.addAll(p.items());
		}
	}

	@Test
	void anUnavailableSourceRoutesItsDossiersAndThemesAreIssuedTogetherOnce() throws Exception {
		Path dir = Files.createTempDirectory("miaopi-themes-test");
		MatterRegistry registry = service(MatterRegistry.class);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try (OpenStore store = service(StoreFactory.class).open(dir.resolve("store"), false)) {
			new DemoGenerator().fill(store, new DemoGenerator.Options(600, 5, EngineStoreTest.TODAY, false, true), p -> {
			});
			store.setAvailable(Officer.SYSTEM, SharedSource.EDUCATION, false, "sync: the education source timed out");
			List<Item> all = runAll(new Engine(store, registry, new Evaluator()), pool);
			int needing = 0;
			for (Item i : all) {
				Evaluation e = i.evaluation();
				boolean needs = e.comparisons().stream().anyMatch(c -> c.source() == SharedSource.EDUCATION);
				if (needs) {
					needing++;
					assertNotEquals(Evaluation.Outcome.APPROVE, e.outcome(), e.toString());
					assertNotEquals(DossierStatus.APPROVED, store.find(Officer.SYSTEM, e.dossierNo()).orElseThrow().status());
					if (e.outcome() == Evaluation.Outcome.ROUTE) {
						assertTrue(e.reasons().contains(Reasons.SOURCE_UNAVAILABLE), e.reasons().toString());
						String stored = store.history(Officer.SYSTEM, e.dossierNo()).stream()
								.filter(a -> a.type().equals("dossier.pre-checked")).findFirst().orElseThrow().details().get("reasons");
						assertTrue(stored.contains(Reasons.SOURCE_UNAVAILABLE), stored);
					}
				}
			}
			assertTrue(needing > 10, "dossiers needing the education source: " + needing);
			// replaced materials are material rows citing the record, and a replay sees what the engine saw
			int replaced = 0;
			for (Item i : all) {
				Evaluation e = i.evaluation();
				Dossier stored = store.find(Officer.SYSTEM, e.dossierNo()).orElseThrow();
				for (Material m : e.replacedMaterials()) {
					replaced++;
					Material row = stored.materials().stream().filter(x -> x.id().equals(m.id())).findFirst().orElseThrow(
							() -> new AssertionError(m + " not among " + stored.materials()));
					assertEquals(m.replacedBy(), row.replacedBy());
					assertEquals(m.requirementCode(), row.requirementCode());
					assertTrue(!row.hasFile());
				}
				Map<String, String> checked = store.history(Officer.SYSTEM, e.dossierNo()).stream()
						.filter(a -> a.type().equals("dossier.pre-checked")).findFirst().orElseThrow().details();
				Evaluation replay = new Evaluator().evaluate(registry.require(stored.matterCode()), Engine.asEvaluated(stored, checked),
						store.sharedRecords(Officer.SYSTEM, stored.applicant().subjectId(), null), Engine.unavailable(checked), e.evaluatedAt());
				assertEquals(e.inputsDigest(), replay.inputsDigest(), e.dossierNo());
				assertEquals(e.outcome(), replay.outcome(), e.dossierNo());
			}
			assertTrue(replaced > 0, "the demo has requirements met by shared records");
			assertTrue(all.stream().anyMatch(i -> i.evaluation().outcome() == Evaluation.Outcome.APPROVE), "other matters still 秒批");

			// themes: the stored outcome is the rule applied to the members as they now stand
			Map<String, List<DecisionKind>> members = new HashMap<>();
			for (Item i : all) {
				if (i.dossier().isPartOfTheme()) {
					members.computeIfAbsent(i.dossier().themeDossierNo(), k -> new ArrayList<>());
				}
			}
			int approvedThemes = 0;
			for (String theme : members.keySet()) {
				List<DecisionKind> kinds = new ArrayList<>();
				for (Dossier m : store.themeMembers(Officer.SYSTEM, theme)) {
					kinds.add(m.status() == DossierStatus.APPROVED || m.status() == DossierStatus.CERTIFICATE_ISSUED ? DecisionKind.APPROVE
							: m.status() == DossierStatus.REJECTED ? DecisionKind.REJECT : null);
				}
				// the demo takes each theme application in with its members: the theme waits for exactly those
				var state = store.theme(theme).orElseThrow();
				assertEquals(List.of(kinds.size(), kinds.size()), List.of(state.expected(), state.members()), theme);
				ThemeOutcome expected = ThemeOutcome.of(kinds);
				assertEquals(expected, store.themeOutcome(theme).orElse(ThemeOutcome.PENDING), theme + " " + kinds);
				approvedThemes += expected == ThemeOutcome.APPROVED ? 1 : 0;
			}
			assertTrue(approvedThemes > 0 && approvedThemes < members.size(), approvedThemes + " of " + members.size());
			store.waitingForTheme(Officer.SYSTEM, 10_000).forEach(d -> {
				assertEquals(DossierStatus.APPROVED, d.status());
				assertEquals(ThemeOutcome.PENDING, store.themeOutcome(d.themeDossierNo()).orElseThrow());
			});

			// one issuance for each approved theme, every member at once; a re-run issues nothing
			RecordingCertificates certificates = new RecordingCertificates(store);
			Map<String, List<Dossier>> ready = store.readyForIssuance(Officer.SYSTEM, 10_000);
			int expectedCertificates = ready.values().stream().mapToInt(List::size).sum();
			assertTrue(expectedCertificates > 0);
			ThemeIssuance.Result first = ThemeIssuance.issueReady(store, certificates, registry, dir, Integer.MAX_VALUE, line -> {
			});
			assertEquals(ready.size(), first.themes());
			assertEquals(expectedCertificates, first.certificates());
			assertTrue(first.failures().isEmpty(), first.failures().toString());
			for (var theme : ready.entrySet()) {
				for (Dossier m : theme.getValue()) {
					assertEquals(DossierStatus.CERTIFICATE_ISSUED, store.find(Officer.SYSTEM, m.number()).orElseThrow().status());
					assertEquals(1, store.certificates(Officer.SYSTEM, m.number()).size());
				}
			}
			ThemeIssuance.Result again = ThemeIssuance.issueReady(store, certificates, registry, dir, Integer.MAX_VALUE, line -> {
			});
			assertEquals(0, again.certificates());
			assertEquals(expectedCertificates, certificates.issued);
			// a member of a theme that is not approved is refused before anything is issued
			Dossier waiting = store.waitingForTheme(Officer.SYSTEM, 1).stream().findFirst().orElse(null);
			if (waiting != null) {
				int before = certificates.issued;
				assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
						() -> certificates.issue(Officer.SYSTEM, waiting, "x", "x", dir, Progress.NONE)).getMessage().contains("PENDING"));
				assertEquals(before, certificates.issued);
			}
		} finally {
			pool.shutdownNow();
		}
	}

	/** Records a certificate in the store as the real service does, without laying out and sealing a PDF. */
	static final class RecordingCertificates implements CertificateService {
		private final OpenStore store;
		int issued;

		RecordingCertificates(OpenStore store) {
			this.store = store;
		}

		@Override
		public DossierCertificate issue(Officer actor, Dossier d, String matterZh, String matterEn, Path directory, Progress progress) {
			String number = "T-" + d.number();
			store.issued(actor, new CertificateRecord(number, d.number(), d.applicant(), d.matterCode(), EngineStoreTest.NOW,
					EngineStoreTest.TODAY, null, d.departmentCode(), ContentHashing.sha256(number.getBytes()), false, null));
			issued++;
			return new DossierCertificate(directory.resolve(number + ".pdf"), number, "0".repeat(64),
					new Verdict(List.of(new Verdict.Check("test", true, "recorded"))));
		}

		@Override
		public IssuedCertificate issue(org.miaopi.certificate.CertificateRequest request, Path directory) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void revoke(String number, String reason, String officerId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void revoke(Officer actor, String number, String reason) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Verdict verify(Path file) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<String> reconcile() {
			return List.of(); // no file register: nothing can disagree with the store
		}
	}
}
