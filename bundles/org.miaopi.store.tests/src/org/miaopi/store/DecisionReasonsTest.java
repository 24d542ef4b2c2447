package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.matter.AutoApprovalPolicy;
import org.miaopi.core.matter.ComparisonRule;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.ReasonCode;
import org.miaopi.core.matter.ReasonCodeException;
import org.miaopi.core.matter.ReasonUse;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.DeclaredField;
import org.miaopi.core.model.MaterialRequirement;
import org.miaopi.core.service.TransitionRequest;

/** The store refuses an officer's decision whose reason codes do not fit its kind, and changes nothing. */
class DecisionReasonsTest {

	@TempDir
	Path tmp;
	DeskStore store;

	static final MatterDefinition GRAD = new MatterDefinition() {
		// @formatter:off
		@Override public String code() { return "GRAD-HUKOU"; }
		@Override public String nameZh() { return "毕业生落户"; }
		@Override public String nameEn() { return "Graduate residence"; }
		@Override public String departmentCode() { return "PSB"; }
		@Override public String legalBasis() { return "《户口登记条例》"; }
		@Override public int timeLimitWorkingDays() { return 10; }
		@Override public boolean legalPersonApplicant() { return false; }
		@Override public List<MaterialRequirement> materials() { return List.of(); }
		@Override public List<DeclaredField> fields() { return List.of(); }
		@Override public List<ComparisonRule> comparisonRules() { return List.of(); }
		@Override public AutoApprovalPolicy policy() { return null; }
		@Override public String certificateTemplateId() { return "cert.grad"; }
		@Override public List<ReasonCode> reasonCodes() { return List.of(
				new ReasonCode("MATERIAL_UNREADABLE", "材料无法辨认", "A material cannot be read", null,
						EnumSet.of(ReasonUse.REQUEST_SUPPLEMENT)),
				new ReasonCode("NOT-A-GRADUATE", "非应届毕业生", "Not a graduate", "《办法》第二条",
						EnumSet.of(ReasonUse.REJECT, ReasonUse.ROUTE)),
				new ReasonCode("RULE-ERROR", "规则出错", "A rule failed", null, EnumSet.of(ReasonUse.ROUTE))); }
		// @formatter:on
	};

	@BeforeEach
	void open() {
		store = DeskStore.open(tmp, BootSecret.keyFile(tmp.resolve(DeskStore.KEY_FILE), true));
		Fixtures.seed(store);
		store.matters = code -> code.equals(GRAD.code()) ? Optional.of(GRAD) : Optional.empty();
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.IN_REVIEW)), "test");
	}

	@AfterEach
	void close() {
		store.close();
	}

	@Test
	void aReasonThatDoesNotFitTheDecisionIsRefusedAndNothingChanges() {
		int events = store.ledger().size();
		ReasonCodeException e = assertThrows(ReasonCodeException.class,
				() -> store.transition(Fixtures.OFFICER, TransitionRequest.decide(decision(DecisionKind.REJECT, "RULE-ERROR")), TestSigner.of(Fixtures.OFFICER)));
		assertTrue(e.getMessage().contains("may give NOT-A-GRADUATE"), e.getMessage());
		assertThrows(ReasonCodeException.class, () -> store.transition(Fixtures.OFFICER,
				TransitionRequest.decide(decision(DecisionKind.REQUEST_SUPPLEMENT, "NOT-A-GRADUATE")), TestSigner.of(Fixtures.OFFICER)));
		assertThrows(ReasonCodeException.class, () -> store.transition(Fixtures.OFFICER,
				TransitionRequest.decide(decision(DecisionKind.REJECT, "NO-SUCH-CODE")), TestSigner.of(Fixtures.OFFICER)));
		assertEquals(DossierStatus.IN_REVIEW, store.find(Fixtures.OFFICER, "D1").orElseThrow().status());
		assertEquals(events, store.ledger().size());
		assertTrue(store.decisions(Fixtures.OFFICER, "D1").isEmpty());
	}

	@Test
	void fittingReasonsAreTaken() {
		store.transition(Fixtures.OFFICER, TransitionRequest.decide(Fixtures.supplement("D1", Fixtures.OFFICER)), TestSigner.of(Fixtures.OFFICER));
		store.transition(Fixtures.OFFICER, TransitionRequest.move("D1", DossierStatus.IN_REVIEW));
		assertEquals(DossierStatus.REJECTED, store.transition(Fixtures.OFFICER,
				TransitionRequest.decide(decision(DecisionKind.REJECT, "NOT-A-GRADUATE")), TestSigner.of(Fixtures.OFFICER)).status());
	}

	private static Decision decision(DecisionKind kind, String code) {
		return new Decision("D1", kind, List.of(code), "《办法》第二条", Fixtures.OFFICER.id(), Instant.now(), false, null,
				null, null, null);
	}
}
