package org.miaopi.supervision;

import java.time.Instant;
import java.util.Map;

import org.miaopi.checks.Engine;
import org.miaopi.checks.Evaluation;
import org.miaopi.checks.Evaluator;
import org.miaopi.checks.Explainer;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.supervision.DecisionRecord;

/**
 * The 秒批 replay check: a decision the policy took is evaluated again on the inputs it was taken on
 * (the dossier as the engine saw it, the shared records as of then, the sources then unavailable), the
 * way {@code ./miaopi explain} does, and the replayed inputs digest and outcome are compared with those
 * stored with the decision. The decision is replayed under the policy version that took it, also after
 * its plugin was updated (the plugin keeps earlier versions as {@code SupersededMatter}); when no installed
 * plugin has that version, the result says so. Reads go through the 秒批 system's view: callers check supervision access first.
 */
public final class Replay {

	/**
	 * @param identical the replay gave the stored digest and the same decision
	 * @param why       in words: what differs, or "replays identically"
	 */
	public record Result(String dossierNo, String policyId, String policyVersion, String storedDigest,
			String replayedDigest, boolean identical, String why) {
	}

	private Replay() {
	}

	public static Result check(DecisionRecord d, DossierService dossiers, MatterRegistry matters,
			WorkingDayCalendar calendar) {
		if (!d.automatic()) {
			return new Result(d.dossierNo(), null, null, null, null, false, "an officer's decision: nothing to replay");
		}
		Dossier dossier = dossiers.find(Officer.SYSTEM, d.dossierNo()).orElse(null);
		if (dossier == null) {
			return result(d, null, false, "the dossier is not in this record");
		}
		MatterDefinition matter;
		if (d.policyId() != null && d.policyVersion() != null) {
			// the policy that took the decision: the installed one, or an earlier version a plugin keeps for replay
			matter = matters == null ? null : matters.underPolicy(dossier.matterCode(), d.policyId(), d.policyVersion()).orElse(null);
			if (matter == null) {
				return result(d, null, false, Explainer.cannotReplay(d.policyId(), d.policyVersion(), false));
			}
		} else {
			matter = matters == null ? null : matters.find(dossier.matterCode()).orElse(null);
			if (matter == null) {
				return result(d, null, false, "matter " + dossier.matterCode() + " is not installed on this desk");
			}
		}
		AuditEvent checked = dossiers.history(Officer.SYSTEM, d.dossierNo()).stream()
				.filter(e -> e.type().equals("dossier.pre-checked") && e.details().containsKey("evaluatedAt"))
				.reduce((a, b) -> b).orElse(null);
		if (checked == null) {
			return result(d, null, false, "no pre-check event records when and on what the engine evaluated");
		}
		Map<String, String> seen = checked.details();
		Instant at = Instant.parse(seen.get("evaluatedAt"));
		Evaluation e = new Evaluator(calendar).evaluate(matter, Engine.asEvaluated(dossier, seen),
				dossiers.sharedRecords(Officer.SYSTEM, dossier.applicant().subjectId(), null), Engine.unavailable(seen), at);
		String replayed = e.inputsDigest() == null ? null : e.inputsDigest().hex();
		if (replayed == null || !replayed.equals(d.inputsDigest())) {
			return result(d, replayed, false, "the inputs differ from the stored digest: the declared data or the shared"
					+ " records as of " + at + " changed since");
		}
		if (e.decision() == null || e.decision().kind() != d.kind()) {
			return result(d, replayed, false, "the same inputs now give " + (e.decision() == null ? e.outcome()
					: e.decision().kind()) + " instead of " + d.kind());
		}
		return result(d, replayed, true, "replays identically");
	}

	private static Result result(DecisionRecord d, String replayed, boolean identical, String why) {
		return new Result(d.dossierNo(), d.policyId(), d.policyVersion(), d.inputsDigest(), replayed, identical, why);
	}
}
