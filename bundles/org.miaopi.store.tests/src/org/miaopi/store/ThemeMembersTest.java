package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.miaopi.store.ThemeTest.declare;
import static org.miaopi.store.ThemeTest.member;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.miaopi.core.audit.AuditChain;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.matter.ThemeOutcome;
import org.miaopi.core.model.AuditEvent;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.ThemeApplication;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.ThemeService;
import org.miaopi.core.service.ThemeState;
import org.miaopi.core.service.TransitionRequest;

/**
 * A theme waits for every matter its application lists, however its members are batched; members
 * that do not fit are refused, members of a decided theme are kept and audited, and a withdrawn
 * member withdraws the theme in its own transaction.
 */
class ThemeMembersTest extends SeededStoreTest {

	private void approve(Officer by, String no) {
		store.transition(by, TransitionRequest.decide(new Decision(no, DecisionKind.APPROVE, List.of(), null, by.id(),
				Instant.now(), false, null, null, null, null)), TestSigner.of(by));
	}

	private ThemeState theme(String no) {
		return store.theme(no).orElseThrow();
	}

	private List<Integer> counts(String no) {
		ThemeState t = theme(no);
		return List.of(t.expected(), t.members(), t.approved(), t.rejected(), t.withdrawn());
	}

	private List<String> events(String dossierNo, String type) {
		return store.history(Officer.SYSTEM, dossierNo).stream().filter(e -> e.type().equals(type))
				.map(e -> e.details().get("from") + ">" + e.details().get("outcome")).toList();
	}

	private void issue(String no) {
		Dossier d = store.find(Officer.SYSTEM, no).orElseThrow();
		store.issued(Officer.SYSTEM, new CertificateRecord("C-" + no, no, d.applicant(), d.matterCode(),
				Instant.parse("2026-11-23T03:00:00Z"), Fixtures.TODAY, null, d.departmentCode(),
				ContentHashing.sha256(no.getBytes()), false, null));
	}

	@Test
	void membersArrivingInTwoBatchesKeepTheThemePendingUntilEveryListedMatterIsApproved() {
		declare(store, "TH1", "FOOD-BUSINESS");
		// batch 1: one member already approved elsewhere, one to be decided here; the third is still on its way
		store.putDossiers(List.of(member("A", "TH1", "PSB", DossierStatus.APPROVED),
				member("B", "TH1", "MSB", DossierStatus.IN_REVIEW)), "test");
		approve(Fixtures.OTHER, "B");
		assertEquals(ThemeOutcome.PENDING, theme("TH1").outcome(), "every member so far is approved, one is missing");
		assertEquals(List.of(3, 2, 2, 0, 0), counts("TH1"));
		assertEquals(1, theme("TH1").missing());
		assertEquals(List.of(), events("B", ThemeService.DECIDED_EVENT));
		assertEquals(List.of("A", "B"), store.waitingForTheme(Officer.SYSTEM, 10).stream().map(Dossier::number).toList());
		assertTrue(store.readyForIssuance(Officer.SYSTEM, 10).isEmpty());
		IllegalArgumentException held = assertThrows(IllegalArgumentException.class, () -> issue("B"));
		assertTrue(held.getMessage().contains("PENDING"), held.getMessage());

		// batch 2: the last member arrives; only its approval completes the theme
		store.putDossiers(List.of(member("C", "TH1", "MSB", "FOOD-BUSINESS", DossierStatus.IN_REVIEW)), "test");
		assertEquals(ThemeOutcome.PENDING, theme("TH1").outcome());
		assertEquals(List.of(3, 3, 2, 0, 0), counts("TH1"));
		approve(Fixtures.OTHER, "C");
		assertEquals(ThemeOutcome.APPROVED, theme("TH1").outcome());
		assertEquals(List.of("PENDING>APPROVED"), events("C", ThemeService.DECIDED_EVENT));
		assertEquals(List.of("A", "B", "C"), store.readyForIssuance(Officer.SYSTEM, 10).get("TH1").stream()
				.map(Dossier::number).toList());
		assertEquals(List.of("GRAD-HUKOU,PHARMACY,FOOD-BUSINESS"), store.ledger().stream()
				.filter(e -> e.type().equals(ThemeService.RECEIVED_EVENT) && e.dossierNo().equals("TH1")).map(e -> e.details().get("matters")).toList());
		assertTrue(AuditChain.verify(store.ledger()).isIntact());
	}

	@Test
	void aMemberThatDoesNotFitItsThemeIsRefusedAndNothingIsWritten() {
		declare(store, "TH1");
		declare(store, "TH1"); // the same application again is harmless
		int ledger = store.ledger().size();
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> store.putDossiers(List.of(Fixtures.dossier("OK", "PSB", DossierStatus.RECEIVED),
						member("X", "TH9", "PSB", DossierStatus.RECEIVED)), "test"));
		assertTrue(e.getMessage().contains("TH9") && e.getMessage().contains("application"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> store.putDossiers(
				List.of(member("X", "TH1", "MSB", "FOOD-BUSINESS", DossierStatus.RECEIVED)), "test"));
		assertTrue(e.getMessage().contains("FOOD-BUSINESS") && e.getMessage().contains("does not list"), e.getMessage());
		store.putDossiers(List.of(member("A", "TH1", "PSB", DossierStatus.RECEIVED)), "test");
		e = assertThrows(IllegalArgumentException.class,
				() -> store.putDossiers(List.of(member("A2", "TH1", "PSB", DossierStatus.RECEIVED)), "test"));
		assertTrue(e.getMessage().contains("already has dossier A"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> store.putThemeApplications(
				List.of(new ThemeApplication("TH1", "THEME-TEST", List.of("GRAD-HUKOU", "FOOD-BUSINESS"))), "test"));
		assertTrue(e.getMessage().contains("cannot now list"), e.getMessage());
		assertTrue(store.find(Officer.SYSTEM, "OK").isEmpty(), "a refused batch leaves no trace");
		assertTrue(store.find(Officer.SYSTEM, "A2").isEmpty());
		assertEquals(ledger + 1, store.ledger().size(), "only A's import was recorded");
		assertEquals(List.of(2, 1, 0, 0, 0), counts("TH1"));
		assertThrows(IllegalArgumentException.class, () -> new ThemeApplication("TH2", "T", List.of("M", "M")));
		assertThrows(IllegalArgumentException.class, () -> new ThemeApplication("TH2", "T", List.of("M")));
	}

	@Test
	void aLateMemberOfARejectedThemeIsKeptAndAuditedButDecidesNothing() {
		declare(store, "TH2");
		store.putDossiers(List.of(member("A", "TH2", "PSB", DossierStatus.REJECTED)), "test");
		assertEquals(ThemeOutcome.REJECTED, theme("TH2").outcome());
		store.putDossiers(List.of(member("B", "TH2", "MSB", DossierStatus.IN_REVIEW)), "test");
		AuditEvent late = store.history(Officer.SYSTEM, "B").stream()
				.filter(e -> e.type().equals(ThemeService.LATE_MEMBER_EVENT)).findFirst().orElseThrow();
		assertEquals(Map.of("theme", "TH2", "outcome", "REJECTED", "matter", "PHARMACY", "reopened", "false"), late.details());
		approve(Fixtures.OTHER, "B");
		assertEquals(ThemeOutcome.REJECTED, theme("TH2").outcome(), "a final outcome stays");
		assertEquals(List.of(2, 2, 1, 1, 0), counts("TH2"), "its counts follow the members");
		assertTrue(store.readyForIssuance(Officer.SYSTEM, 10).isEmpty());
		assertTrue(store.waitingForTheme(Officer.SYSTEM, 10).isEmpty());
		assertTrue(AuditChain.verify(store.ledger()).isIntact());
	}

	@Test
	void aMemberArrivingForAThemeApprovedEarlyBeforeSchema10ReopensItWhileNothingIsIssued() throws Exception {
		Path dir = tmp.resolve("v9");
		BootSecret secret = BootSecret.keyFile(dir.resolve(DeskStore.KEY_FILE), true);
		try (DerbyDatabase v9 = DerbyDatabase.open(dir.resolve(DeskStore.DATABASE_DIR), secret, 9);
				java.sql.Connection c = v9.connect(); java.sql.Statement s = c.createStatement()) {
			// schema 9 decided on the members present: one of two arrived, approved, so the theme was APPROVED
			for (String[] r : new String[][] { { "E1", "TE", "APPROVED" }, { "I1", "TI", "CERTIFICATE_ISSUED" } }) {
				s.execute("INSERT INTO DOSSIER (NUMBER, MATTER_CODE, THEME_NO, APPLICANT_KIND, SUBJECT_ID, APPLICANT_NAME,"
						+ " RECEIVED_MS, DEADLINE, STATUS, DEPARTMENT_CODE, VERSION) VALUES ('" + r[0] + "', 'GRAD-HUKOU', '"
						+ r[1] + "', 'N', '" + Fixtures.residentId(11).value() + "', '张伟', 0, DATE('2026-12-01'), '" + r[2]
						+ "', 'PSB', 1)");
				s.execute("INSERT INTO THEME (THEME_NO, OUTCOME, MEMBERS, APPROVED, REJECTED, CHANGED_MS) VALUES ('" + r[1]
						+ "', 'APPROVED', 1, 1, 0, 0)");
			}
		} catch (SQLException e) {
			throw new AssertionError(e);
		}
		try (DeskStore upgraded = DeskStore.open(dir, secret)) {
			Fixtures.seed(upgraded);
			assertEquals(9, upgraded.previousSchemaVersion());
			upgraded.putDossiers(List.of(member("E2", "TE", "MSB", DossierStatus.IN_REVIEW),
					member("I2", "TI", "MSB", DossierStatus.IN_REVIEW)), "test");
			// nothing of TE was issued: it waits for its late member again
			ThemeState te = upgraded.theme("TE").orElseThrow();
			assertEquals(List.of(ThemeOutcome.PENDING, 2, 2), List.of(te.outcome(), te.expected(), te.members()));
			assertEquals(List.of("APPROVED>PENDING"), upgraded.history(Officer.SYSTEM, "E2").stream()
					.filter(e -> e.type().equals(ThemeService.DECIDED_EVENT))
					.map(e -> e.details().get("from") + ">" + e.details().get("outcome")).toList());
			// TI's certificate is out: its issuance happened, the late member is kept and audited
			assertEquals(ThemeOutcome.APPROVED, upgraded.theme("TI").orElseThrow().outcome());
			assertEquals(List.of("APPROVED/false", "APPROVED/true"), List.of("I2", "E2").stream()
					.flatMap(no -> upgraded.history(Officer.SYSTEM, no).stream())
					.filter(e -> e.type().equals(ThemeService.LATE_MEMBER_EVENT))
					.map(e -> e.details().get("outcome") + "/" + e.details().get("reopened")).toList());
			assertTrue(upgraded.readyForIssuance(Officer.SYSTEM, 10).isEmpty(), "E1 waits for E2");
			upgraded.transition(Fixtures.OTHER, TransitionRequest.decide(new Decision("E2", DecisionKind.APPROVE, List.of(),
					null, Fixtures.OTHER.id(), Instant.now(), false, null, null, null, null)), TestSigner.of(Fixtures.OTHER));
			assertEquals(ThemeOutcome.APPROVED, upgraded.theme("TE").orElseThrow().outcome());
			assertEquals(List.of("E1", "E2"), upgraded.readyForIssuance(Officer.SYSTEM, 10).get("TE").stream()
					.map(Dossier::number).toList());
		}
	}

	@Test
	void aWithdrawnMemberWithdrawsTheThemeInTheSameTransaction() {
		declare(store, "TW");
		store.putDossiers(List.of(member("A", "TW", "PSB", DossierStatus.IN_REVIEW),
				member("B", "TW", "MSB", DossierStatus.IN_REVIEW)), "test");
		approve(Fixtures.OFFICER, "A");
		assertEquals(List.of("A"), store.waitingForTheme(Officer.SYSTEM, 10).stream().map(Dossier::number).toList());
		// a failure before commit: neither the member's move nor the theme's outcome is kept
		store.beforeCommit = () -> {
			throw new jakarta.persistence.PersistenceException(new SQLException("No space left on device", "XSDG1"));
		};
		assertThrows(StoreException.class,
				() -> store.transition(Fixtures.OTHER, TransitionRequest.move("B", DossierStatus.WITHDRAWN)));
		store.beforeCommit = () -> {
		};
		assertEquals(DossierStatus.IN_REVIEW, store.find(Officer.SYSTEM, "B").orElseThrow().status());
		assertEquals(ThemeOutcome.PENDING, theme("TW").outcome());

		store.transition(Fixtures.OTHER, TransitionRequest.move("B", DossierStatus.WITHDRAWN));
		assertEquals(ThemeOutcome.WITHDRAWN, theme("TW").outcome());
		assertEquals(List.of(2, 2, 1, 0, 1), counts("TW"));
		AuditEvent decided = store.history(Officer.SYSTEM, "B").stream()
				.filter(e -> e.type().equals(ThemeService.DECIDED_EVENT)).findFirst().orElseThrow();
		assertEquals(List.of("PENDING", "WITHDRAWN", Fixtures.OTHER.id()),
				List.of(decided.details().get("from"), decided.details().get("outcome"), decided.actor()));
		assertTrue(store.waitingForTheme(Officer.SYSTEM, 10).isEmpty(), "A no longer waits for anything");
		assertTrue(store.readyForIssuance(Officer.SYSTEM, 10).isEmpty());
		IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> issue("A"));
		assertTrue(refused.getMessage().contains("WITHDRAWN"), refused.getMessage());
		assertTrue(AuditChain.verify(store.ledger()).isIntact());
	}
}
