package org.miaopi.checks;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.miaopi.core.matter.ReasonCode;
import org.miaopi.core.matter.ReasonUse;
import org.miaopi.core.model.ComparisonOutcome;

/** The reason codes every matter shares; a matter adds its own (e.g. an age condition's). */
public final class Reasons {

	public static final String MISMATCH = "DATA-MISMATCH";
	public static final String MISSING_RECORD = "RECORD-MISSING";
	public static final String STALE_RECORD = "RECORD-STALE";
	public static final String INVALID_DECLARED = "DECLARED-INVALID";
	public static final String SOURCE_UNAVAILABLE = "SOURCE-UNAVAILABLE";
	public static final String MATERIAL_MISSING = "MATERIAL-MISSING";
	public static final String MATERIAL_DEFERRED = "MATERIAL-DEFERRED";
	public static final String RULE_ERROR = "RULE-ERROR";
	public static final String BLACKLISTED = "CREDIT-BLACKLIST";
	public static final String BLACKLIST_REVIEW = "CREDIT-BLACKLIST-REVIEW";
	/** The matter's version (its policy version) is not enabled at the hub (HubVersionGate). */
	public static final String VERSION_NOT_ENABLED = "VERSION-NOT-ENABLED";

	/** The 信用审批 provision the demo matters cite when the blacklist bars an applicant. */
	public static final String BLACKLIST_BASIS = "《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）";

	// what each may be given for: R reject, S supplement, A approve over a mismatch, T route to an officer
	private static final Set<ReasonUse> RSAT = EnumSet.allOf(ReasonUse.class);
	private static final Set<ReasonUse> RST = EnumSet.of(ReasonUse.REJECT, ReasonUse.REQUEST_SUPPLEMENT, ReasonUse.ROUTE);
	private static final Set<ReasonUse> SAT = EnumSet.of(ReasonUse.REQUEST_SUPPLEMENT, ReasonUse.APPROVE_OVER_MISMATCH,
			ReasonUse.ROUTE);

	public static final List<ReasonCode> STANDARD = List.of(
			new ReasonCode(MISMATCH, "申报信息与共享数据不一致", "Declared data differ from the shared records", null, RSAT),
			new ReasonCode(MISSING_RECORD, "共享数据中无相应记录", "The shared records hold no such entry", null, RSAT),
			new ReasonCode(STALE_RECORD, "共享数据已过期", "The shared record is older than the rule accepts", null, SAT),
			new ReasonCode(INVALID_DECLARED, "申报信息格式无效", "A declared value is malformed", null, RST),
			// an unreachable source is the desk's problem, never the applicant's: no rejection for it
			new ReasonCode(SOURCE_UNAVAILABLE, "共享数据源暂不可用", "A shared data source could not be reached", null,
					EnumSet.of(ReasonUse.APPROVE_OVER_MISMATCH, ReasonUse.ROUTE)),
			new ReasonCode(MATERIAL_MISSING, "缺少必要材料", "A required material is missing", null, RST),
			new ReasonCode(MATERIAL_DEFERRED, "容缺受理：非必要材料后补", "Accepted with a non-essential material to follow (容缺)", null,
					EnumSet.of(ReasonUse.REQUEST_SUPPLEMENT)),
			new ReasonCode(RULE_ERROR, "规则执行出错，转人工审查", "A rule failed to run; an officer decides", null,
					EnumSet.of(ReasonUse.ROUTE)),
			new ReasonCode(BLACKLISTED, "申请人列入失信名单", "The applicant is on the credit blacklist", BLACKLIST_BASIS,
					EnumSet.of(ReasonUse.REJECT)),
			new ReasonCode(BLACKLIST_REVIEW, "申请人列入失信名单，需人工审查", "The applicant is on the credit blacklist; an officer decides", null,
					EnumSet.of(ReasonUse.ROUTE)),
			new ReasonCode(VERSION_NOT_ENABLED, "该事项版本未在枢纽启用，转人工审查", "This version of the matter is not enabled at the hub; an officer decides",
					null, EnumSet.of(ReasonUse.ROUTE)));

	/**
	 * The comparison outcome a reason code asserts (DATA-MISMATCH: some field is a MISMATCH), so
	 * that a desk can show which fields bear the reason out, or warn that none does; empty for a
	 * reason the comparison does not speak to.
	 */
	public static Optional<ComparisonOutcome> evidence(String code) {
		return Optional.ofNullable(switch (code) {
			case MISMATCH -> ComparisonOutcome.MISMATCH;
			case MISSING_RECORD -> ComparisonOutcome.MISSING;
			case STALE_RECORD -> ComparisonOutcome.STALE;
			case INVALID_DECLARED -> ComparisonOutcome.INVALID;
			default -> null;
		});
	}

	private Reasons() {
	}
}
