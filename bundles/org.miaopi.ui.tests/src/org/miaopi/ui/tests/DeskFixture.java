package org.miaopi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.QueuePage;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.checks.Evaluator;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.demo.DemoGenerator;
import org.miaopi.ui.session.Session;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The desk the workbench tests work on: 1,000 demo dossiers (seed 1, today), and comparison
 * results computed here from the demo's shared records (until the engine writes its own), so the
 * tests know how many mismatches each dossier must show.
 */
final class DeskFixture {

	static final String OFFICER = "psb.officer1";
	static final String SUPERVISOR = "psb.supervisor";
	static final String DEPARTMENT = "SZPSB";
	private static final Map<String, List<ComparisonResult>> COMPARED = new LinkedHashMap<>();
	private static boolean filled;

	private DeskFixture() {
	}

	static <T> T service(Class<T> type) {
		BundleContext ctx = FrameworkUtil.getBundle(DeskFixture.class).getBundleContext();
		T s = ctx.getService(ctx.getServiceReference(type));
		assertNotNull(s, type.getSimpleName() + " is registered");
		return s;
	}

	static synchronized void ensureDemo() {
		if (filled) {
			return;
		}
		StoreAdmin admin = service(StoreAdmin.class);
		new DemoGenerator().fill(admin, new DemoGenerator.Options(1000, 1, ChinaTime.today(), false), p -> {
		});
		compareOpenDossiers(officer(OFFICER));
		filled = true;
	}

	/** Compares the first pages of the department's open queue and stores the results. */
	private static void compareOpenDossiers(Officer viewer) {
		DossierService dossiers = service(DossierService.class);
		StoreAdmin admin = service(StoreAdmin.class);
		for (int page = 0; page < 4; page++) {
			QueuePage p = dossiers.queue(viewer, new QueueQuery(null, null, null, page));
			for (Dossier d : p.rows()) {
				List<ComparisonResult> results = compare(dossiers, d);
				admin.putComparisons(d.number(), results);
				COMPARED.put(d.number(), results);
			}
			if (!p.hasMore()) {
				break;
			}
		}
	}

	static List<ComparisonResult> compare(DossierService dossiers, Dossier d) {
		// what the 秒批 engine stores: the matter plugin's comparison rules over the shared records
		return service(MatterRegistry.class).find(d.matterCode())
				.map(m -> new Evaluator().evaluate(m, d, dossiers.sharedRecords(Officer.SYSTEM, d.applicant().subjectId(), null), Set.of(), Instant.now())
						.comparisons())
				.orElse(List.of());
	}

	/** Compared dossiers with their expected results. */
	static Map<String, List<ComparisonResult>> compared() {
		ensureDemo();
		return COMPARED;
	}

	static long attention(List<ComparisonResult> results) {
		return results.stream().filter(ComparisonResult::needsAttention).count();
	}

	/** The first compared dossier in {@code status} whose comparison needs attention (or not), held by {@link #OFFICER} if by anyone. */
	static Dossier pick(DossierStatus status, boolean withAttention, Set<String> except) {
		DossierService dossiers = service(DossierService.class);
		Officer o = officer(OFFICER);
		for (Map.Entry<String, List<ComparisonResult>> e : compared().entrySet()) {
			Dossier d = dossiers.find(o, e.getKey()).orElseThrow();
			boolean mismatch = e.getValue().stream().anyMatch(r -> r.outcome() == org.miaopi.core.model.ComparisonOutcome.MISMATCH);
			if (d.status() == status && (withAttention ? mismatch : attention(e.getValue()) == 0) && !except.contains(d.number())
					&& !e.getValue().isEmpty()) {
				// only the officer who holds a dossier decides it: one a colleague holds, the supervisor gives to OFFICER
				return !d.isHeld() || o.id().equals(d.assignedOfficerId()) ? d
						: dossiers.reassign(officer(SUPERVISOR), d.number(), o.id());
			}
		}
		throw new AssertionError("the demo has no compared " + status + " dossier with attention=" + withAttention);
	}

	static Officer officer(String id) {
		return service(StoreAdmin.class).officers().stream().filter(o -> o.id().equals(id)).findFirst()
				.orElseThrow(() -> new AssertionError("no demo user " + id));
	}

	static final String TEST_PASSWORD = "ui-test-password";

	static void signIn(String id) {
		ensureDemo();
		Officer o = officer(id);
		// the officer's own key, issued on first use and protected by this test password (the dialog's path)
		org.miaopi.core.audit.DecisionSigner signer = o.hasRole(org.miaopi.core.model.Role.OFFICER)
				? service(org.miaopi.core.audit.OfficerKeys.class).unlock(o, TEST_PASSWORD.toCharArray()).orElseThrow()
				: null;
		session().signIn(o, signer);
		Workbench.processEvents();
	}

	static Session session() {
		return Workbench.application().getContext().get(Session.class);
	}

	@SuppressWarnings("unchecked")
	static <T> T part(String id, Class<T> type) {
		MPart part = Workbench.find(id, MPart.class);
		assertNotNull(part, id);
		return (T) part.getObject();
	}
}
