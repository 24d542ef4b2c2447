package org.miaopi.checks;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.miaopi.checks.Evaluation.ConditionResult;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.ReasonCode;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Material;

/** An {@link Evaluation} in plain words, in Simplified Chinese or English. */
public final class Explainer {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ChinaTime.ZONE);

	private Explainer() {
	}

	public static List<String> explain(Evaluation e, MatterDefinition m, boolean zh) {
		List<String> out = new ArrayList<>();
		out.add((zh ? "办件 " : "Dossier ") + e.dossierNo() + (zh ? "，事项：" + m.nameZh() : ", matter: " + m.nameEn())
				+ " (" + m.code() + ")");
		out.add((zh ? "秒批规则 " : "Policy ") + e.policyId() + (zh ? " 版本 " : " version ") + e.policyVersion()
				+ (e.inputsDigest() == null ? "" : (zh ? "；输入摘要 SHA-256 " : "; inputs SHA-256 ") + e.inputsDigest()));
		out.add(zh ? "数据比对：" : "Comparison with shared records:");
		for (ComparisonResult c : e.comparisons()) {
			out.add("  " + comparison(c, m, zh));
		}
		for (Material r : e.replacedMaterials()) {
			String name = m.materials().stream().filter(q -> q.code().equals(r.requirementCode())).findFirst()
					.map(q -> zh ? q.nameZh() : q.nameEn()).orElse(r.requirementCode());
			out.add("  " + (zh ? "材料「" + name + "」免提交，以" + r.replacedBy().source().nameZh() + "记录（"
					+ DAY.format(r.replacedBy().asOf()) + "）代替"
					: "Material \"" + name + "\" replaced by the " + r.replacedBy().source().nameEn() + " record of "
							+ DAY.format(r.replacedBy().asOf())));
		}
		if (!e.conditions().isEmpty()) {
			out.add(zh ? "审批条件：" : "Conditions:");
			for (ConditionResult c : e.conditions()) {
				String state = c.verdict() == null ? (zh ? "规则出错：" : "rule error: ") + c.error()
						: switch (c.verdict().state()) {
							case HOLDS -> zh ? "满足" : "holds";
							case FAILS -> zh ? "不满足" : "does not hold";
							case UNKNOWN -> zh ? "无法判断" : "cannot be told";
						} + (c.verdict().detail() == null ? "" : " (" + c.verdict().detail() + ")");
				out.add("  " + (zh ? c.descriptionZh() : c.descriptionEn()) + (zh ? "：" : ": ") + state);
			}
		}
		out.add(switch (e.outcome()) {
			case APPROVE -> zh ? "结论：全部条件满足，自动准予许可（秒批）。" : "Outcome: every condition holds; approved automatically (秒批).";
			case REJECT -> zh ? "结论：自动不予许可。" : "Outcome: rejected automatically.";
			case SUPPLEMENT -> (zh ? "结论：容缺受理，请于 " + e.supplementDue() + " 前补交材料。"
					: "Outcome: accepted under 容缺; the missing material is due by " + e.supplementDue() + ".");
			case ROUTE -> zh ? "结论：转审批人员人工审查。" : "Outcome: sent to an officer for review.";
		});
		for (String code : e.reasons()) {
			ReasonCode r = m.reason(code).orElse(null);
			String text = r == null ? code : zh ? r.textZh() : r.textEn();
			String basis = r == null || r.legalBasis() == null ? "" : (zh ? "（依据：" : " (legal basis: ") + r.legalBasis() + (zh ? "）" : ")");
			out.add("  - " + code + ": " + text + basis);
		}
		return out;
	}

	/**
	 * Why a stored evaluation cannot be replayed: no installed plugin has the policy it was taken
	 * under (neither as its current policy nor as an earlier version kept for replay).
	 */
	public static String cannotReplay(String policyId, String policyVersion, boolean zh) {
		return zh ? "无法复核：本机未安装秒批规则 " + policyId + " 第 " + policyVersion + " 版"
				: "cannot replay: policy " + policyId + " v" + policyVersion + " is not installed";
	}

	private static String comparison(ComparisonResult c, MatterDefinition m, boolean zh) {
		String field = m.fields().stream().filter(f -> f.key().equals(c.field())).findFirst()
				.map(f -> zh ? f.nameZh() : f.nameEn()).orElse(c.field());
		String source = c.source() == null ? "" : (zh ? c.source().nameZh() : c.source().nameEn())
				+ (c.asOf() == null ? "" : zh ? "（" + DAY.format(c.asOf()) + "）" : " of " + DAY.format(c.asOf()));
		String verdict = zh ? c.outcome().nameZh() : c.outcome().nameEn();
		StringBuilder b = new StringBuilder(field).append(zh ? "：" : ": ").append(verdict);
		b.append(zh ? "；申报「" : "; declared \"").append(c.declared() == null ? "" : c.declared()).append(zh ? "」" : "\"");
		if (c.recorded() != null) {
			b.append(zh ? "，" : ", ").append(source).append(zh ? "记录「" : " says \"").append(c.recorded()).append(zh ? "」" : "\"");
		} else if (!source.isEmpty()) {
			b.append(zh ? "，来源 " : ", source ").append(source);
		}
		if (c.note() != null) {
			b.append(" (").append(c.note()).append(')');
		}
		return b.toString();
	}
}
