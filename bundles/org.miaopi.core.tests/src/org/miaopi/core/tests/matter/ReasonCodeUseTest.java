package org.miaopi.core.tests.matter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.miaopi.core.matter.AutoApprovalPolicy;
import org.miaopi.core.matter.ComparisonRule;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.ReasonCode;
import org.miaopi.core.matter.ReasonCodeException;
import org.miaopi.core.matter.ReasonUse;
import org.miaopi.core.model.DeclaredField;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.MaterialRequirement;

class ReasonCodeUseTest {

	static final ReasonCode TOO_YOUNG = new ReasonCode("TOO-YOUNG", "未满80周岁", "Not yet 80", "《条例》第三条",
			EnumSet.of(ReasonUse.REJECT, ReasonUse.ROUTE));
	static final ReasonCode BLURRED = new ReasonCode("BLURRED", "材料不清晰", "A material cannot be read", null,
			EnumSet.of(ReasonUse.REQUEST_SUPPLEMENT));
	static final ReasonCode STALE = new ReasonCode("STALE", "共享数据已过期", "Stale shared record", null,
			EnumSet.of(ReasonUse.APPROVE_OVER_MISMATCH, ReasonUse.REQUEST_SUPPLEMENT, ReasonUse.ROUTE));
	static final ReasonCode RULE_ERROR = new ReasonCode("RULE-ERROR", "规则出错", "A rule failed", null,
			EnumSet.of(ReasonUse.ROUTE));

	static final MatterDefinition MATTER = new MatterDefinition() {
		// @formatter:off
		@Override public String code() { return "ELDER"; }
		@Override public String nameZh() { return "高龄津贴"; }
		@Override public String nameEn() { return "Elderly allowance"; }
		@Override public String departmentCode() { return "CAB"; }
		@Override public String legalBasis() { return "《条例》"; }
		@Override public int timeLimitWorkingDays() { return 10; }
		@Override public boolean legalPersonApplicant() { return false; }
		@Override public List<MaterialRequirement> materials() { return List.of(); }
		@Override public List<DeclaredField> fields() { return List.of(); }
		@Override public List<ComparisonRule> comparisonRules() { return List.of(); }
		@Override public AutoApprovalPolicy policy() { return null; }
		@Override public List<ReasonCode> reasonCodes() { return List.of(TOO_YOUNG, BLURRED, STALE, RULE_ERROR); }
		@Override public String certificateTemplateId() { return "cert.elder"; }
		// @formatter:on
	};

	@Test
	void eachKindOfDecisionIsOfferedTheReasonsThatFitIt() {
		assertEquals(List.of("TOO-YOUNG"), codes(DecisionKind.REJECT));
		assertEquals(List.of("BLURRED", "STALE"), codes(DecisionKind.REQUEST_SUPPLEMENT));
		assertEquals(List.of("STALE"), codes(DecisionKind.APPROVE));
		assertTrue(TOO_YOUNG.fits(DecisionKind.REJECT));
		assertFalse(RULE_ERROR.fits(DecisionKind.REJECT), "a routing-only reason decides nothing");
	}

	@Test
	void aReasonThatDoesNotFitItsDecisionIsRefusedWithTheFittingOnes() {
		ReasonCodeException e = assertThrows(ReasonCodeException.class,
				() -> MATTER.requireFitting(DecisionKind.REJECT, List.of("TOO-YOUNG", "BLURRED")));
		assertEquals("BLURRED", e.reasonCode());
		assertEquals(DecisionKind.REJECT, e.kind());
		assertEquals("reason BLURRED does not fit a decision to reject under matter ELDER; a decision to reject may give TOO-YOUNG",
				e.getMessage());
		ReasonCodeException unknown = assertThrows(ReasonCodeException.class,
				() -> MATTER.requireFitting(DecisionKind.REQUEST_SUPPLEMENT, List.of("NO-SUCH")));
		assertTrue(unknown.getMessage().startsWith("matter ELDER has no reason code NO-SUCH"), unknown.getMessage());
		assertThrows(ReasonCodeException.class, () -> MATTER.requireFitting(DecisionKind.APPROVE, List.of("RULE-ERROR")));
		assertDoesNotThrow(() -> MATTER.requireFitting(DecisionKind.APPROVE, List.of("STALE")));
		assertDoesNotThrow(() -> MATTER.requireFitting(DecisionKind.APPROVE, List.of()));
	}

	@Test
	void aReasonSaysWhatItIsFor() {
		assertThrows(IllegalArgumentException.class, () -> new ReasonCode("X", "某", "Some", null, Set.of()));
		// plugins written before uses existed keep today's meaning
		ReasonCode old = new ReasonCode("OLD", "旧", "Old", null);
		assertEquals(EnumSet.of(ReasonUse.REJECT, ReasonUse.REQUEST_SUPPLEMENT, ReasonUse.ROUTE), EnumSet.copyOf(old.uses()));
		assertFalse(new ReasonCode("LAW", "法", "Law", "《法》").fits(DecisionKind.REQUEST_SUPPLEMENT));
	}

	private static List<String> codes(DecisionKind kind) {
		return MATTER.reasonCodes(kind).stream().map(ReasonCode::code).toList();
	}
}
