package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.service.TransitionRequest;

/**
 * The ledger covers the rows it records, not only its own events: an {@code UPDATE} made behind the
 * store's back (plain JDBC) to a decision, to declared data, or to a signature is found by the check,
 * which names the event and what differs.
 */
class LedgerCoverageTest extends SeededStoreTest {

	private long decisionEvent;

	@BeforeEach
	void decideOne() {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.IN_REVIEW),
				Fixtures.dossier("D2", "PSB", DossierStatus.IN_REVIEW)), "test");
		store.transition(Fixtures.OFFICER, TransitionRequest.decide(new Decision("D1", DecisionKind.APPROVE, List.of(),
				"《户口登记条例》第十条", "li.na", java.time.Instant.now(), false, "学历已核实", null, null, null)),
				TestSigner.of(Fixtures.OFFICER));
		decisionEvent = store.ledger().size();
	}

	@Test
	void anIntactStoreVerifiesWithItsRecordsAndSignatures() {
		Verification.Intact ok = assertInstanceOf(Verification.Intact.class, store.verifyLedger(TestSigner.VERIFIER, n -> { }));
		assertEquals(1, ok.coverage().decisionsCompared());
		assertEquals(2, ok.coverage().dossiersCompared());
		assertEquals(1, ok.coverage().signatures());
		assertTrue(ok.coverage().signaturesChecked());
		assertEquals(0, ok.coverage().decisionsBeforeDigests() + ok.coverage().dossiersBeforeDigests());
	}

	@Test
	void aJustificationChangedByPlainSqlIsFoundAtItsEvent() throws SQLException {
		sql("UPDATE DECISION SET JUSTIFICATION = '无需核实' WHERE DOSSIER_NO = 'D1'");
		Verification.Broken b = assertInstanceOf(Verification.Broken.class, store.verifyLedger(TestSigner.VERIFIER, n -> { }));
		assertEquals(decisionEvent, b.sequence());
		assertEquals(Verification.Reason.RECORD_CHANGED, b.reason());
		assertTrue(b.message().contains("event " + decisionEvent) && b.message().contains("justification \"无需核实\""),
				b.message());
		assertInstanceOf(Verification.Broken.class, store.verifyLedger(n -> { }), "found without signatures too");
	}

	@Test
	void aChangedKindIsNamed() throws SQLException {
		sql("UPDATE DECISION SET KIND = 'REJECT' WHERE DOSSIER_NO = 'D1'");
		Verification.Broken b = assertInstanceOf(Verification.Broken.class, store.verifyLedger(TestSigner.VERIFIER, n -> { }));
		assertTrue(b.message().contains("kind APPROVE was recorded, the row now says REJECT"), b.message());
	}

	@Test
	void declaredDataChangedAfterIntakeAreFoundAtTheIntakeEvent() throws SQLException {
		sql("UPDATE DOSSIER SET DECLARED = 'name\t王五\nschool\t深圳大学\n' WHERE NUMBER = 'D2'");
		Verification.Broken b = assertInstanceOf(Verification.Broken.class, store.verifyLedger(TestSigner.VERIFIER, n -> { }));
		long intake = store.history(Fixtures.OFFICER, "D2").get(0).sequence();
		assertEquals(intake, b.sequence());
		assertEquals(Verification.Reason.RECORD_CHANGED, b.reason());
		assertTrue(b.message().contains("dossier D2") && b.message().contains("declared data"), b.message());
	}

	@Test
	void aDeletedDecisionRowIsFound() throws SQLException {
		sql("DELETE FROM DECISION WHERE DOSSIER_NO = 'D1'");
		Verification.Broken b = assertInstanceOf(Verification.Broken.class, store.verifyLedger(TestSigner.VERIFIER, n -> { }));
		assertEquals(decisionEvent, b.sequence());
		assertTrue(b.message().contains("row is gone"), b.message());
	}

	@Test
	void aRemovedOrForgedSignatureIsFound() throws SQLException {
		sql("UPDATE DECISION SET SIGNATURE = NULL WHERE DOSSIER_NO = 'D1'");
		Verification.Broken unsigned = assertInstanceOf(Verification.Broken.class,
				store.verifyLedger(TestSigner.VERIFIER, n -> { }));
		assertEquals(Verification.Reason.SIGNATURE_INVALID, unsigned.reason());
		assertTrue(unsigned.message().contains("not signed"), unsigned.message());
		String other = java.util.Base64.getEncoder().encodeToString(TestSigner.of(Fixtures.OFFICER).sign(new byte[] { 1 }));
		sql("UPDATE DECISION SET SIGNATURE = '" + other + "' WHERE DOSSIER_NO = 'D1'");
		Verification.Broken forged = assertInstanceOf(Verification.Broken.class, store.verifyLedger(TestSigner.VERIFIER, n -> { }));
		assertEquals(decisionEvent, forged.sequence());
		assertEquals(Verification.Reason.SIGNATURE_INVALID, forged.reason());
	}

	private void sql(String statement) throws SQLException {
		try (Connection c = store.connect(); Statement s = c.createStatement()) {
			assertEquals(1, s.executeUpdate(statement), statement);
		}
	}
}
