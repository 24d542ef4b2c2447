package org.miaopi.checks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.miaopi.checks.Evaluation.ConditionResult;
import org.miaopi.checks.Evaluation.Outcome;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.matter.AutoApprovalPolicy;
import org.miaopi.core.matter.ComparisonRule;
import org.miaopi.core.matter.Condition;
import org.miaopi.core.matter.Facts;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.ReasonCode;
import org.miaopi.core.matter.Verdict;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.MaterialRequirement;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;

/**
 * Compares one dossier with its shared records and applies the matter's 秒批 policy. Pure:
 * the result depends only on the arguments (the decision time included), so the same inputs
 * give the same decision and digest. Thread-safe; never throws because of a matter plugin or
 * of the data — a plugin that throws routes its dossier as RULE-ERROR.
 */
public final class Evaluator {

	private static final System.Logger LOG = System.getLogger(Evaluator.class.getName());

	private final WorkingDayCalendar calendar;

	public Evaluator(WorkingDayCalendar calendar) {
		this.calendar = calendar;
	}

	public Evaluator() {
		this(WorkingDayCalendar.china());
	}

	/**
	 * @param records     the applicant's shared records (any sources, any age; records after {@code now} are ignored,
	 *                    so a replay at the decision time sees what the decision saw)
	 * @param unavailable sources that could not be asked
	 */
	public Evaluation evaluate(MatterDefinition matter, Dossier d, Collection<SharedRecord> records,
			Set<SharedSource> unavailable, Instant now) {
		String policyId = "?";
		String version = "?";
		try {
			AutoApprovalPolicy policy = matter.policy();
			policyId = policy.id();
			version = policy.version();
			return decide(matter, policy, d, records, unavailable, now);
		} catch (RuntimeException | LinkageError e) {
			LOG.log(System.Logger.Level.WARNING, "matter " + d.matterCode() + " failed on dossier " + d.number()
					+ "; routed to an officer as " + Reasons.RULE_ERROR, e);
			return new Evaluation(d.number(), d.matterCode(), now, policyId, version, Outcome.ROUTE, List.of(Reasons.RULE_ERROR),
					List.of(), List.of(), List.of(), null, null, null, String.valueOf(e));
		}
	}

	private Evaluation decide(MatterDefinition matter, AutoApprovalPolicy policy, Dossier d,
			Collection<SharedRecord> records, Set<SharedSource> unavailableSources, Instant now) {
		LocalDate today = ChinaTime.dateOf(now);
		Set<SharedSource> consulted = EnumSet.of(SharedSource.CREDIT_BLACKLIST);
		for (ComparisonRule r : matter.comparisonRules()) {
			consulted.add(r.source());
		}
		for (MaterialRequirement m : matter.materials()) {
			if (m.isReplaceable()) {
				consulted.add(m.replaceableBySource());
			}
		}
		Map<SharedSource, SharedRecord> newest = new EnumMap<>(SharedSource.class);
		String subject = d.applicant().subjectId();
		for (SharedRecord r : records) {
			if (consulted.contains(r.source()) && r.subjectId().equals(subject) && !r.asOf().isAfter(now)) {
				newest.merge(r.source(), r, (a, b) -> b.asOf().isAfter(a.asOf()) ? b : a);
			}
		}
		Set<SharedSource> unavailable = EnumSet.noneOf(SharedSource.class);
		for (SharedSource s : unavailableSources) {
			if (consulted.contains(s)) {
				unavailable.add(s);
				newest.remove(s);
			}
		}
		Sha256 digest = InputsDigest.of(policy, d, today, consulted, newest, unavailable);

		List<ComparisonResult> comparisons = new ArrayList<>();
		Set<String> route = new LinkedHashSet<>();
		for (ComparisonRule rule : matter.comparisonRules()) {
			ComparisonResult c = Comparisons.compare(rule, d.declaredData(), newest, unavailable, now);
			comparisons.add(c);
			switch (c.outcome()) {
				case MISMATCH -> route.add(Reasons.MISMATCH);
				case MISSING -> route.add(unavailable.contains(rule.source()) ? Reasons.SOURCE_UNAVAILABLE : Reasons.MISSING_RECORD);
				case STALE -> route.add(Reasons.STALE_RECORD);
				case INVALID -> route.add(Reasons.INVALID_DECLARED);
				case MATCH -> {
				}
			}
		}
		if (!unavailable.isEmpty()) {
			route.add(Reasons.SOURCE_UNAVAILABLE); // never approve on data that could not be asked
		}

		// materials: a shared record stands in for a missing file (材料免提交)
		List<Material> replaced = new ArrayList<>();
		List<MaterialRequirement> missingEssential = new ArrayList<>();
		List<MaterialRequirement> missingOptional = new ArrayList<>();
		for (MaterialRequirement req : matter.materials()) {
			boolean present = d.materials().stream().anyMatch(m -> m.requirementCode().equals(req.code()));
			if (present) {
				continue;
			}
			SharedRecord r = req.isReplaceable() ? newest.get(req.replaceableBySource()) : null;
			if (r != null) {
				replaced.add(Material.replaced("R-" + req.code(), req.code(), r.ref()));
			} else if (req.required()) {
				missingEssential.add(req);
			} else {
				missingOptional.add(req);
			}
		}
		if (!missingEssential.isEmpty()) {
			route.add(Reasons.MATERIAL_MISSING);
		}

		Facts facts = new Facts(d, newest, unavailable, comparisons, today);
		List<ConditionResult> verdicts = new ArrayList<>();
		String rejectReason = null;
		boolean ruleError = false;
		StringBuilder errors = new StringBuilder();
		for (Condition c : policy.conditions()) {
			try {
				Verdict v = c.test(facts);
				if (v == null) {
					throw new IllegalStateException("condition " + c.id() + " gave no verdict");
				}
				verdicts.add(new ConditionResult(c.id(), c.descriptionZh(), c.descriptionEn(), v, null));
				if (v.state() == Verdict.State.FAILS && rejectReason == null
						&& matter.reason(v.reasonCode()).map(ReasonCode::legalBasis).orElse(null) != null) {
					rejectReason = v.reasonCode();
				} else if (!v.holds()) {
					route.add(v.reasonCode());
				}
			} catch (RuntimeException | LinkageError e) {
				LOG.log(System.Logger.Level.WARNING, "condition " + c.id() + " of matter " + d.matterCode()
						+ " failed on dossier " + d.number() + "; routed to an officer as " + Reasons.RULE_ERROR, e);
				verdicts.add(new ConditionResult(c.id(), c.descriptionZh(), c.descriptionEn(), null, String.valueOf(e)));
				ruleError = true;
				errors.append(errors.isEmpty() ? "" : "; ").append(c.id()).append(": ").append(e);
			}
		}

		SharedRecord listed = newest.get(SharedSource.CREDIT_BLACKLIST);
		boolean blacklisted = listed != null && !"false".equals(listed.fields().get("listed"));
		Outcome outcome;
		List<String> reasons = new ArrayList<>();
		String legalBasis = null;
		LocalDate due = null;
		if (ruleError) {
			outcome = Outcome.ROUTE;
			reasons.add(Reasons.RULE_ERROR);
			reasons.addAll(route);
		} else if (blacklisted && policy.blacklistBars()) {
			outcome = Outcome.REJECT;
			reasons.add(Reasons.BLACKLISTED);
			legalBasis = policy.blacklistLegalBasis();
		} else if (rejectReason != null) {
			outcome = Outcome.REJECT;
			reasons.add(rejectReason);
			legalBasis = matter.reason(rejectReason).orElseThrow().legalBasis();
		} else {
			if (blacklisted) {
				route.add(Reasons.BLACKLIST_REVIEW);
			} else if (unavailable.contains(SharedSource.CREDIT_BLACKLIST)) {
				route.add(Reasons.SOURCE_UNAVAILABLE);
			}
			if (!missingOptional.isEmpty() && !policy.deferralAllowed()) {
				route.add(Reasons.MATERIAL_MISSING);
			}
			reasons.addAll(route);
			if (!route.isEmpty()) {
				outcome = Outcome.ROUTE;
			} else if (!missingOptional.isEmpty()) {
				outcome = Outcome.SUPPLEMENT; // 容缺: good standing, only non-essential gaps
				reasons.add(Reasons.MATERIAL_DEFERRED);
				due = calendar.addWorkingDays(today, policy.supplementWorkingDays());
			} else {
				outcome = Outcome.APPROVE;
				legalBasis = matter.legalBasis();
			}
		}
		Decision decision = switch (outcome) {
			case ROUTE -> null;
			case APPROVE -> decision(d, DecisionKind.APPROVE, reasons, legalBasis, now, null, policy, digest);
			case REJECT -> decision(d, DecisionKind.REJECT, reasons, legalBasis, now, null, policy, digest);
			case SUPPLEMENT -> decision(d, DecisionKind.REQUEST_SUPPLEMENT, reasons, null, now,
					"容缺受理：请于 " + due + " 前补交 " + String.join("、", missingOptional.stream().map(MaterialRequirement::nameZh).toList()),
					policy, digest);
		};
		return new Evaluation(d.number(), d.matterCode(), now, policy.id(), policy.version(), outcome, reasons, comparisons,
				replaced, verdicts, due, decision, digest, ruleError ? errors.toString() : null);
	}

	private static Decision decision(Dossier d, DecisionKind kind, List<String> reasons, String basis, Instant now,
			String note, AutoApprovalPolicy p, Sha256 digest) {
		return new Decision(d.number(), kind, reasons, basis, Officer.SYSTEM_ID, now, true, note, p.id(), p.version(), digest);
	}
}
