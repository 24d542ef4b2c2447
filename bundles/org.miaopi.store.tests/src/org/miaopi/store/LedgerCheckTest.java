package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;

/** The paged check of the whole ledger finds what a full read would, page boundaries included. */
class LedgerCheckTest extends SeededStoreTest {

	@BeforeEach
	void putTheDossiers() {
		List<Dossier> dossiers = new ArrayList<>();
		for (int i = 1; i <= 11; i++) {
			dossiers.add(Fixtures.dossier(String.format("D%03d", i), "PSB", DossierStatus.RECEIVED));
		}
		store.putDossiers(dossiers, "test");
	}

	@Test
	void anIntactLedgerIsCheckedToItsHeadAcrossPages() {
		int events = store.ledger().size();
		List<Long> progress = new ArrayList<>();
		Verification v = LedgerCheck.run(store, null, 3, progress::add);
		Verification.Intact ok = assertInstanceOf(Verification.Intact.class, v);
		assertEquals(events, ok.eventsChecked());
		assertEquals(store.ledger().get(events - 1).hash(), ok.headHash());
		assertEquals((long) events, progress.get(progress.size() - 1));
		assertEquals(ok, LedgerCheck.run(store, null, 1000, n -> { }), "the page size changes nothing");
	}

	@Test
	void anAlteredEventIsFoundOnALaterPage() throws SQLException {
		sql("UPDATE AUDIT_EVENT SET ACTOR = 'someone.else' WHERE SEQ = 7");
		Verification.Broken b = assertInstanceOf(Verification.Broken.class, LedgerCheck.run(store, null, 3, n -> { }));
		assertEquals(7, b.sequence());
		assertEquals(Verification.Reason.CONTENT_CHANGED, b.reason());
	}

	@Test
	void aDeletedEventAtAPageBoundaryIsAGap() throws SQLException {
		sql("DELETE FROM AUDIT_EVENT WHERE SEQ = 4");
		Verification.Broken b = assertInstanceOf(Verification.Broken.class, LedgerCheck.run(store, null, 3, n -> { }));
		assertEquals(4, b.sequence());
		assertEquals(Verification.Reason.SEQUENCE_GAP, b.reason());
	}

	@Test
	void ofTwoAlteredEventsTheEarlierIsReportedHoweverTheWorkIsSplit() throws SQLException {
		int events = store.ledger().size();
		sql("UPDATE AUDIT_EVENT SET ACTOR = 'someone.else' WHERE SEQ = " + (events - 1));
		sql("UPDATE AUDIT_EVENT SET DETAILS = 'status\tFORGED\n' WHERE SEQ = 5");
		for (int batch : new int[] { 1, 2, 3, 1000 }) {
			Verification.Broken b = assertInstanceOf(Verification.Broken.class, LedgerCheck.run(store, null, batch, n -> { }));
			assertEquals(5, b.sequence(), "batches of " + batch);
			assertEquals(Verification.Reason.CONTENT_CHANGED, b.reason());
		}
	}

	@Test
	void anEventWhoseDetailsCannotBeReadIsStillReported() throws SQLException {
		sql("UPDATE AUDIT_EVENT SET DETAILS = 'no tab here' WHERE SEQ = 6");
		Verification.Broken b = assertInstanceOf(Verification.Broken.class, LedgerCheck.run(store, null, 2, n -> { }));
		assertEquals(Verification.Reason.CONTENT_CHANGED, b.reason());
		org.junit.jupiter.api.Assertions.assertTrue(b.message().contains("no tab here"), b.message());
	}

	private void sql(String statement) throws SQLException {
		try (Connection c = store.connect(); Statement s = c.createStatement()) {
			assertEquals(1, s.executeUpdate(statement), statement);
		}
	}
}
