package org.miaopi.checks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import org.miaopi.checks.BatchEvaluator.Item;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.IntakeService;
import org.miaopi.core.service.SettleResult;
import org.miaopi.core.service.Settlement;
import org.miaopi.core.service.TransitionRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The 秒批 engine: takes a page of RECEIVED dossiers, fetches their applicants' shared records
 * in one go, compares and decides (on a pool when given), and settles the page in one store
 * transaction. A dossier settled before is skipped by the store, so a re-run never decides
 * twice; an interrupted run loses at most the page in flight, which the next run redoes.
 */
@Component(service = Engine.class)
public class Engine {

	/** One page: what was read, concluded and stored, with the time each part took. */
	public record Page(List<Item> items, List<SettleResult> results, String lastNumber, long fetchNanos,
			long computeNanos, long settleNanos) {
	}

	private final IntakeService intake;
	private final BatchEvaluator batch;
	/** The versions the hub enables; absent or empty on a desk without a hub (nothing gated). */
	@Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
			policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
	private volatile org.miaopi.core.sync.HubMatterVersions hubVersions;

	@Activate
	public Engine(@Reference IntakeService intake, @Reference MatterRegistry registry) {
		this(intake, registry, new Evaluator());
	}

	public Engine(IntakeService intake, MatterRegistry registry, Evaluator evaluator) {
		this.intake = intake;
		this.batch = new BatchEvaluator(registry, evaluator);
	}

	/** Gates 秒批 by the versions the hub enables (the DS runtime sets it; tests call this). */
	public Engine hubVersions(org.miaopi.core.sync.HubMatterVersions versions) {
		this.hubVersions = versions;
		return this;
	}

	/**
	 * Processes up to {@code limit} RECEIVED dossiers numbered after {@code after}.
	 *
	 * @return null when no RECEIVED dossier is left after {@code after}
	 */
	public Page runPage(int limit, String after, Instant now, ExecutorService pool, int parts) {
		long t0 = System.nanoTime();
		List<Dossier> dossiers = intake.received(Officer.SYSTEM, limit, after);
		if (dossiers.isEmpty()) {
			return null;
		}
		Set<String> subjects = new LinkedHashSet<>();
		dossiers.forEach(d -> subjects.add(d.applicant().subjectId()));
		Map<String, List<SharedRecord>> records = intake.sharedRecords(Officer.SYSTEM, subjects);
		// read with the records: a source marked unavailable routes its dossiers ("source unavailable")
		Set<SharedSource> unavailable = intake.unavailableSources();
		long t1 = System.nanoTime();
		org.miaopi.core.sync.HubMatterVersions hub = hubVersions;
		List<Item> items = HubVersionGate.apply(batch.evaluate(dossiers, records, unavailable, now, pool, parts),
				hub == null ? List.of() : hub.hubMatterVersions());
		List<Settlement> settlements = new ArrayList<>();
		for (Item i : items) {
			if (i.evaluation() != null) {
				settlements.add(settlement(i.evaluation(), unavailable));
			}
		}
		long t2 = System.nanoTime();
		List<SettleResult> results = settlements.isEmpty() ? List.of() : intake.settle(Officer.SYSTEM, settlements);
		long t3 = System.nanoTime();
		return new Page(items, results, dossiers.get(dossiers.size() - 1).number(), t1 - t0, t2 - t1, t3 - t2);
	}

	/**
	 * Every RECEIVED dossier, page by page, until none is left or {@code stop} says so: what a desk
	 * does when dossiers arrive (the workbench after a pull, {@code ./miaopi auto-approve}).
	 *
	 * @return how many dossiers were evaluated
	 */
	public int runAll(int pageSize, Instant now, ExecutorService pool, int parts, java.util.function.BooleanSupplier stop,
			java.util.function.Consumer<Page> each) {
		int seen = 0;
		String after = null;
		while (!stop.getAsBoolean()) {
			Page page = runPage(pageSize, after, now, pool, parts);
			if (page == null) {
				break;
			}
			after = page.lastNumber();
			seen += page.items().size();
			each.accept(page);
		}
		return seen;
	}

	/**
	 * The store steps for an evaluation: PRE_CHECKED (comparison done; the audit event carries the
	 * policy, its version, the inputs digest, the outcome, the reasons and the materials a shared
	 * record replaced), then the automatic decision if there is one. A routed dossier stays
	 * PRE_CHECKED, in its department's queue, with its reasons.
	 */
	public static Settlement settlement(Evaluation e) {
		return settlement(e, Set.of());
	}

	/** The pre-check event's detail naming the sources that could not be asked (for a faithful replay). */
	public static final String UNAVAILABLE_DETAIL = "unavailableSources";
	/** The pre-check event's detail citing the materials a shared record replaced. */
	public static final String REPLACED_DETAIL = "replacedMaterials";

	/** As above, with the sources that were unavailable when {@code e} was evaluated. */
	public static Settlement settlement(Evaluation e, Set<SharedSource> unavailable) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("evaluatedAt", e.evaluatedAt().toString());
		details.put("policy", e.policyId());
		details.put("policyVersion", e.policyVersion());
		if (e.inputsDigest() != null) {
			details.put("inputsDigest", e.inputsDigest().hex());
		}
		details.put("outcome", e.outcome().name());
		if (!e.reasons().isEmpty()) {
			details.put("reasons", String.join(",", e.reasons()));
		}
		if (!e.replacedMaterials().isEmpty()) {
			List<String> cited = new ArrayList<>();
			for (Material m : e.replacedMaterials()) {
				cited.add(m.requirementCode() + "=" + m.replacedBy().source() + "@" + m.replacedBy().asOf());
			}
			details.put(REPLACED_DETAIL, String.join(",", cited));
		}
		if (!unavailable.isEmpty()) {
			details.put(UNAVAILABLE_DETAIL, String.join(",", unavailable.stream().map(Enum::name).sorted().toList()));
		}
		if (e.error() != null) {
			details.put("ruleError", e.error().length() > 500 ? e.error().substring(0, 500) : e.error());
		}
		if (e.supplementDue() != null) {
			details.put("supplementDue", e.supplementDue().toString());
		}
		List<TransitionRequest> steps = new ArrayList<>();
		steps.add(new TransitionRequest(e.dossierNo(), DossierStatus.PRE_CHECKED, null, null, details));
		if (e.decision() != null) {
			steps.add(TransitionRequest.decide(e.decision()));
		}
		return new Settlement(e.dossierNo(), e.comparisons(), steps, e.replacedMaterials());
	}

	/**
	 * The dossier as the engine evaluated it, from the stored one and its pre-check event: without
	 * the material rows the settlement added for requirements a shared record replaced (the
	 * evaluation's output, not its input), and with the sources that were unavailable then.
	 */
	public static Dossier asEvaluated(Dossier stored, Map<String, String> preChecked) {
		String cited = preChecked.get(REPLACED_DETAIL);
		if (cited == null || cited.isEmpty()) {
			return stored;
		}
		Set<String> added = new java.util.HashSet<>();
		for (String c : cited.split(",")) {
			added.add("R-" + c.substring(0, c.indexOf('=') < 0 ? c.length() : c.indexOf('=')));
		}
		List<Material> materials = stored.materials().stream().filter(m -> m.hasFile() || !added.contains(m.id())).toList();
		return new Dossier(stored.number(), stored.matterCode(), stored.themeDossierNo(), stored.applicant(), stored.declaredData(),
				materials, stored.received(), stored.deadline(), stored.status(), stored.assignedOfficerId(), stored.departmentCode());
	}

	/** The sources named unavailable in a pre-check event. */
	public static Set<SharedSource> unavailable(Map<String, String> preChecked) {
		String v = preChecked.get(UNAVAILABLE_DETAIL);
		Set<SharedSource> out = java.util.EnumSet.noneOf(SharedSource.class);
		if (v != null && !v.isEmpty()) {
			for (String s : v.split(",")) {
				out.add(SharedSource.valueOf(s));
			}
		}
		return out;
	}
}
