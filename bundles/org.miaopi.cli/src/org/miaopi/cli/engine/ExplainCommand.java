package org.miaopi.cli.engine;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.miaopi.checks.Engine;
import org.miaopi.checks.Evaluation;
import org.miaopi.checks.Evaluator;
import org.miaopi.checks.Explainer;
import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi explain DOSSIER_NO [-nl zh|en]}: why the engine decided (or routed) a dossier,
 * in plain words. The evaluation is replayed on the stored inputs at the time it was taken, and
 * its digest is checked against the one stored with the decision.
 */
@Component(service = Subcommand.class)
public class ExplainCommand implements Subcommand {

	@Reference
	private DossierService dossiers;

	@Reference
	private MatterRegistry matters;

	@Override
	public String name() {
		return "explain";
	}

	@Override
	public String summary() {
		return "explain in plain words how the 秒批 engine decided a dossier (zh or en)";
	}

	@Override
	public String usage() {
		return "DOSSIER_NO [-nl zh|en (default: the system language)]";
	}

	@Override
	public int run(List<String> raw, PrintStream out, PrintStream err) {
		Options o = Options.parse(raw).allow("-nl");
		if (o.words.size() != 1) {
			throw new UsageException("name one dossier number, e.g. SZ202611230000001");
		}
		String lang = o.values.getOrDefault("-nl", Locale.getDefault().getLanguage());
		if (!lang.equals("zh") && !lang.equals("en") && o.values.containsKey("-nl")) {
			throw new UsageException("-nl takes zh or en, got '" + lang + "'");
		}
		boolean zh = lang.startsWith("zh");
		String no = o.words.get(0);
		Dossier d = dossiers.find(Officer.SYSTEM, no).orElse(null);
		if (d == null) {
			err.println("miaopi explain: " + (zh ? "没有办件 " : "no dossier ") + no);
			return FAILED;
		}
		AuditEvent checked = dossiers.history(Officer.SYSTEM, no).stream()
				.filter(e -> e.type().equals("dossier.pre-checked") && e.details().containsKey("evaluatedAt")).reduce((a, b) -> b)
				.orElse(null);
		Instant at = checked == null ? Instant.now() : Instant.parse(checked.details().get("evaluatedAt"));
		// replayed on what the engine saw: the dossier before its settlement added replaced materials, the sources unavailable then
		Map<String, String> seen = checked == null ? Map.of() : checked.details();
		String statusLine = (zh ? "状态：" + d.status().nameZh() : "Status: " + d.status().nameEn()) + (checked == null
				? (zh ? "（尚未经秒批引擎比对；以下为按当前数据的预演）" : " (not yet through the 秒批 engine; what it would conclude now)")
				: (zh ? "；引擎比对于 " : "; compared by the engine at ") + at);
		MatterDefinition current = matters.find(d.matterCode()).orElse(null);
		String policyId = seen.get("policy");
		String version = seen.get("policyVersion");
		MatterDefinition m;
		if (policyId != null && version != null) {
			// under the policy that took it, which a later plugin may keep as an earlier version
			m = matters.underPolicy(d.matterCode(), policyId, version).orElse(null);
			if (m == null) {
				out.println(statusLine);
				out.println((zh ? "秒批规则 " : "Policy ") + policyId + (zh ? " 版本 " : " version ") + version
						+ (seen.containsKey("inputsDigest") ? (zh ? "；输入摘要 SHA-256 " : "; inputs SHA-256 ") + seen.get("inputsDigest") : "")
						+ (zh ? "；记录的结论 " : "; recorded outcome ") + seen.get("outcome"));
				err.println("miaopi explain: " + Explainer.cannotReplay(policyId, version, zh) + (current == null ? ""
						: (zh ? "（本机事项 " + d.matterCode() + " 现为第 " + current.policy().version() + " 版）"
								: " (this desk has " + d.matterCode() + " under " + current.policy().id() + " v" + current.policy().version() + ")")));
				return FAILED;
			}
		} else {
			m = matters.require(d.matterCode());
		}
		Evaluation e = new Evaluator().evaluate(m, Engine.asEvaluated(d, seen), dossiers.sharedRecords(Officer.SYSTEM, d.applicant().subjectId(), null),
				Engine.unavailable(seen), at);
		out.println(statusLine);
		if (current != null && m != current) {
			out.println(zh ? "按当时的秒批规则第 " + version + " 版复核（已安装的插件为复核保留）；新办件按第 " + current.policy().version() + " 版审批。"
					: "Replayed under policy version " + version + ", which an installed plugin keeps for replay; new dossiers are decided under version "
							+ current.policy().version() + ".");
		}
		Explainer.explain(e, m, zh).forEach(out::println);
		Decision auto = dossiers.decisions(Officer.SYSTEM, no).stream().filter(Decision::automatic).reduce((a, b) -> b).orElse(null);
		String stored = auto != null ? auto.inputsDigest().hex() : checked == null ? null : checked.details().get("inputsDigest");
		if (stored != null) {
			boolean same = e.inputsDigest() != null && stored.equals(e.inputsDigest().hex())
					&& (!seen.containsKey("outcome") || seen.get("outcome").equals(e.outcome().name()));
			out.println(same ? (zh ? "复核：按相同输入重算，结论与摘要一致。" : "Replay: the same inputs give the same result and digest.")
					: (zh ? "复核：输入已变化（存储摘要 " + stored + "），共享数据可能已更新。"
							: "Replay: the inputs differ from the stored digest " + stored + "; the shared records may have changed since."));
		}
		for (Decision dec : dossiers.decisions(Officer.SYSTEM, no)) {
			if (!dec.automatic()) {
				out.println((zh ? "人工决定：" + dec.kind().nameZh() + "，审批人员 " : "Officer's decision: " + dec.kind().nameEn()
						+ " by ") + dec.officerId() + (dec.reasonCodes().isEmpty() ? "" : " " + dec.reasonCodes()));
			}
		}
		return OK;
	}
}
