package org.miaopi.checks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.miaopi.checks.tests.Fixtures.ID;
import static org.miaopi.checks.tests.Fixtures.NOW;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.miaopi.checks.Evaluation;
import org.miaopi.checks.Evaluation.Outcome;
import org.miaopi.checks.Evaluator;
import org.miaopi.checks.Explainer;
import org.miaopi.checks.Reasons;
import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.model.ComparisonOutcome;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;

class EvaluatorTest {

	private final Evaluator evaluator = new Evaluator();
	private final MatterDefinition matter = Fixtures.matter("TEST-MATTER", false, false);

	private Evaluation run(MatterDefinition m, Dossier d, List<SharedRecord> records, Set<SharedSource> unavailable) {
		return evaluator.evaluate(m, d, records, unavailable, NOW);
	}

	private static ComparisonResult result(Evaluation e, String ruleId) {
		return e.comparisons().stream().filter(c -> c.ruleId().equals(ruleId)).findFirst().orElseThrow();
	}

	@Test
	void everythingMatchesSoTheDossierIsApprovedWithItsPolicyAndDigest() {
		Evaluation e = run(matter, Fixtures.dossier(), Fixtures.records(), Set.of());
		assertEquals(Outcome.APPROVE, e.outcome(), e.toString());
		assertTrue(e.comparisons().stream().allMatch(c -> c.outcome() == ComparisonOutcome.MATCH));
		assertEquals(DecisionKind.APPROVE, e.decision().kind());
		assertTrue(e.decision().automatic());
		assertEquals(Officer.SYSTEM_ID, e.decision().officerId());
		assertEquals("policy.test", e.decision().policyId());
		assertEquals("7", e.decision().policyVersion());
		assertEquals(e.inputsDigest(), e.decision().inputsDigest());
		// the newest household entry was compared, with its source and as-of
		ComparisonResult address = result(e, "hukou.address");
		assertEquals(SharedSource.HOUSEHOLD_REGISTRATION, address.source());
		assertEquals(NOW.minusSeconds(86_400L * 10), address.asOf());
		// the hukou booklet was not handed in: the household record stands in for it
		assertEquals(1, e.replacedMaterials().size());
		assertEquals("HUKOU-BOOKLET", e.replacedMaterials().get(0).requirementCode());
		assertEquals(SharedSource.HOUSEHOLD_REGISTRATION, e.replacedMaterials().get(0).replacedBy().source());
	}

	@Test
	void aMismatchRoutesAndKeepsBothValues() {
		Evaluation e = run(matter, Fixtures.dossier(ID, Map.of("address", "深圳市南山区科技园路1号"), List.of("FORM", "PHOTO")),
				Fixtures.records(), Set.of());
		assertEquals(Outcome.ROUTE, e.outcome());
		assertEquals(List.of(Reasons.MISMATCH), e.reasons());
		assertNull(e.decision());
		ComparisonResult c = result(e, "hukou.address");
		assertEquals(ComparisonOutcome.MISMATCH, c.outcome());
		assertEquals("深圳市南山区科技园路1号", c.declared());
		assertEquals("深圳市福田区深南大道1001号", c.recorded());
	}

	@Test
	void noRecordIsMissingAndRoutes() {
		List<SharedRecord> records = Fixtures.records();
		records.removeIf(r -> r.source() == SharedSource.EDUCATION);
		Evaluation e = run(matter, Fixtures.dossier(), records, Set.of());
		assertEquals(Outcome.ROUTE, e.outcome());
		assertEquals(List.of(Reasons.MISSING_RECORD), e.reasons());
		assertEquals(ComparisonOutcome.MISSING, result(e, "edu.graduated").outcome());
	}

	@Test
	void anOldRecordIsStaleAndRoutes() {
		Evaluation e = run(matter, Fixtures.dossier(), Fixtures.records(ID, 400), Set.of());
		assertEquals(Outcome.ROUTE, e.outcome());
		assertEquals(List.of(Reasons.STALE_RECORD), e.reasons());
		assertEquals(ComparisonOutcome.STALE, result(e, "hukou.address").outcome());
		// education has no age limit in this matter
		assertEquals(ComparisonOutcome.MATCH, result(e, "edu.graduated").outcome());
	}

	@Test
	void malformedDeclaredDataAreInvalidAndNeverThrow() {
		String[][] bad = { { "graduated", "去年夏天" }, { "graduated", "2025-13-45" }, { "address", " " },
				{ "name", "\u3000" }, { "graduated", "" } };
		for (String[] b : bad) {
			Map<String, String> change = new HashMap<>();
			change.put(b[0], b[1]);
			Evaluation e = run(matter, Fixtures.dossier(ID, change, List.of("FORM", "PHOTO")), Fixtures.records(), Set.of());
			assertEquals(Outcome.ROUTE, e.outcome(), b[1]);
			assertTrue(e.reasons().contains(Reasons.INVALID_DECLARED), e.reasons().toString());
			ComparisonResult c = e.comparisons().stream().filter(r -> r.field().equals(b[0])).findFirst().orElseThrow();
			assertEquals(ComparisonOutcome.INVALID, c.outcome());
			assertNotNull(c.note(), "INVALID says why");
		}
		Map<String, String> none = new HashMap<>();
		none.put("graduated", null);
		Evaluation e = run(matter, Fixtures.dossier(ID, none, List.of("FORM", "PHOTO")), Fixtures.records(), Set.of());
		assertEquals(ComparisonOutcome.INVALID, result(e, "edu.graduated").outcome());
	}

	@Test
	void anUnavailableSourceRoutesAndNeverApproves() {
		for (SharedSource s : List.of(SharedSource.EDUCATION, SharedSource.HOUSEHOLD_REGISTRATION, SharedSource.CREDIT_BLACKLIST)) {
			Evaluation e = run(matter, Fixtures.dossier(), Fixtures.records(), Set.of(s));
			assertEquals(Outcome.ROUTE, e.outcome(), s.name());
			assertTrue(e.reasons().contains(Reasons.SOURCE_UNAVAILABLE), e.reasons().toString());
		}
	}

	@Test
	void aBlacklistedApplicantIsRejectedWithTheLegalBasisWhereTheMatterIsBarred() {
		List<SharedRecord> records = Fixtures.records();
		records.add(Fixtures.blacklist(ID));
		Evaluation barred = run(Fixtures.matter("TEST-MATTER", true, false), Fixtures.dossier(), records, Set.of());
		assertEquals(Outcome.REJECT, barred.outcome());
		assertEquals(DecisionKind.REJECT, barred.decision().kind());
		assertEquals(List.of(Reasons.BLACKLISTED), barred.decision().reasonCodes());
		assertEquals("《信用法》第二条", barred.decision().legalBasis());
		Evaluation open = run(matter, Fixtures.dossier(), records, Set.of());
		assertEquals(Outcome.ROUTE, open.outcome());
		assertEquals(List.of(Reasons.BLACKLIST_REVIEW), open.reasons());
	}

	@Test
	void aFailedConditionWithALegalBasisRejects() {
		String child = Fixtures.withCheck("44030520150101123");
		List<SharedRecord> records = Fixtures.records(child, 10);
		Evaluation e = run(matter, Fixtures.dossier(child, Map.of(), List.of("FORM", "PHOTO")), records, Set.of());
		assertEquals(Outcome.REJECT, e.outcome());
		assertEquals(List.of(Fixtures.TOO_YOUNG), e.reasons());
		assertEquals(Fixtures.BASIS, e.decision().legalBasis());
		assertEquals("age 11", e.conditions().get(0).verdict().detail());
	}

	@Test
	void missingMaterials() {
		// an essential material missing: to an officer
		Evaluation essential = run(matter, Fixtures.dossier(ID, Map.of(), List.of("PHOTO")), Fixtures.records(), Set.of());
		assertEquals(List.of(Reasons.MATERIAL_MISSING), essential.reasons());
		assertEquals(Outcome.ROUTE, essential.outcome());
		// a non-essential one where 容缺 is not allowed: to an officer too
		Evaluation optional = run(matter, Fixtures.dossier(ID, Map.of(), List.of("FORM")), Fixtures.records(), Set.of());
		assertEquals(List.of(Reasons.MATERIAL_MISSING), optional.reasons());
		// 容缺: accepted, a supplement due in five working days
		MatterDefinition lenient = Fixtures.matter("TEST-MATTER", false, true);
		Evaluation deferred = run(lenient, Fixtures.dossier(ID, Map.of(), List.of("FORM")), Fixtures.records(), Set.of());
		assertEquals(Outcome.SUPPLEMENT, deferred.outcome());
		assertEquals(DecisionKind.REQUEST_SUPPLEMENT, deferred.decision().kind());
		assertEquals(List.of(Reasons.MATERIAL_DEFERRED), deferred.decision().reasonCodes());
		assertEquals(java.time.LocalDate.of(2026, 11, 30), deferred.supplementDue());
		assertTrue(deferred.decision().justification().contains("照片"));
		// 容缺 is for applicants in good standing only
		List<SharedRecord> listed = Fixtures.records();
		listed.add(Fixtures.blacklist(ID));
		Evaluation notGood = run(lenient, Fixtures.dossier(ID, Map.of(), List.of("FORM")), listed, Set.of());
		assertEquals(Outcome.ROUTE, notGood.outcome());
	}

	@Test
	void sameInputsGiveTheSameDecisionAndDigest() {
		Evaluation a = run(matter, Fixtures.dossier(), Fixtures.records(), Set.of());
		List<SharedRecord> shuffled = new ArrayList<>(Fixtures.records());
		java.util.Collections.reverse(shuffled);
		Evaluation b = run(Fixtures.matter("TEST-MATTER", false, false), Fixtures.dossier(), shuffled, Set.of());
		assertEquals(a, b);
		assertEquals(a.decision(), b.decision());
		assertEquals(a.inputsDigest(), b.inputsDigest());
		// any input that counts changes the digest
		List<SharedRecord> other = Fixtures.records(ID, 11);
		assertNotEquals(a.inputsDigest(), run(matter, Fixtures.dossier(), other, Set.of()).inputsDigest());
		assertNotEquals(a.inputsDigest(),
				run(matter, Fixtures.dossier(ID, Map.of("graduated", "2025-07-01"), List.of("FORM", "PHOTO")), Fixtures.records(),
						Set.of()).inputsDigest());
		// a record that arrived after the decision is not among its inputs (replays see what the decision saw)
		List<SharedRecord> later = new ArrayList<>(Fixtures.records());
		later.add(new SharedRecord(SharedSource.EDUCATION, ID, Map.of("graduated", "2020-01-01"), NOW.plusSeconds(60)));
		assertEquals(a, run(matter, Fixtures.dossier(), later, Set.of()));
	}

	@Test
	void explanationsInBothLanguagesNameTheFactsAndReasons() {
		Evaluation e = run(matter, Fixtures.dossier(ID, Map.of("address", "深圳市南山区科技园路1号"), List.of("FORM", "PHOTO")),
				Fixtures.records(), Set.of());
		String zh = String.join("\n", Explainer.explain(e, matter, true));
		String en = String.join("\n", Explainer.explain(e, matter, false));
		assertTrue(zh.contains("住址：不一致") && zh.contains("深圳市南山区科技园路1号") && zh.contains("转审批人员"), zh);
		assertTrue(zh.contains("户口簿") && zh.contains("免提交"), zh);
		assertTrue(en.contains("Address: Mismatch") && en.contains("sent to an officer") && en.contains(Reasons.MISMATCH), en);
		assertTrue(en.contains(e.inputsDigest().hex()), en);
	}
}
