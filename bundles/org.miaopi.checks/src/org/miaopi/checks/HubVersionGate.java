package org.miaopi.checks;

import java.util.ArrayList;
import java.util.List;

import org.miaopi.checks.BatchEvaluator.Item;
import org.miaopi.checks.Evaluation.Outcome;
import org.miaopi.core.sync.HubMatterVersions;

/**
 * 秒批 only under a matter version the hub enables (docs/hub.md, "Matter versions at the hub"): an
 * evaluation under a version the hub names but does not enable decides nothing on its own; the
 * dossier goes to an officer with {@link Reasons#VERSION_NOT_ENABLED} first, and the reasons the
 * engine found. A desk without a hub (an empty list) is not gated at all.
 */
public final class HubVersionGate {

	private HubVersionGate() {
	}

	public static List<Item> apply(List<Item> items, List<HubMatterVersions.Entry> hub) {
		if (hub.isEmpty()) {
			return items;
		}
		List<Item> out = new ArrayList<>(items.size());
		for (Item i : items) {
			Evaluation e = i.evaluation();
			if (e == null || HubMatterVersions.enabled(hub, HubMatterVersions.MATTER, e.matterCode(), e.policyVersion())) {
				out.add(i);
				continue;
			}
			out.add(new Item(i.dossier(), routed(e), i.unknownMatter()));
		}
		return out;
	}

	static Evaluation routed(Evaluation e) {
		List<String> reasons = new ArrayList<>();
		reasons.add(Reasons.VERSION_NOT_ENABLED);
		if (e.outcome() == Outcome.ROUTE) {
			reasons.addAll(e.reasons());
		}
		return new Evaluation(e.dossierNo(), e.matterCode(), e.evaluatedAt(), e.policyId(), e.policyVersion(), Outcome.ROUTE, reasons,
				e.comparisons(), e.replacedMaterials(), e.conditions(), null, null, e.inputsDigest(), e.error());
	}
}
