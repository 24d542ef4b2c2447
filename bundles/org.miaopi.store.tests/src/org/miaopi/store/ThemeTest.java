package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.SettleResult;
import org.miaopi.core.service.ThemeService;
import org.miaopi.core.service.TransitionRequest;

/**
 * A theme's (一件事) outcome kept with its members' decisions, by officers and by the 秒批 engine,
 * and its certificates held until every member is approved; the shared sources' availability.
 */
class ThemeTest extends SeededStoreTest {

	/** A member of a theme, of its department's fixture matter: PSB members reviewed by li.na, MSB members by chen.jing. */
	static Dossier member(String no, String theme, String dept, DossierStatus status) {
		return member(no, theme, dept, Fixtures.dossier(no, dept, status).matterCode(), status);
	}

	static Dossier member(String no, String theme, String dept, String matter, DossierStatus status) {
		Dossier d = Fixtures.dossier(no, dept, status);
		String officer = status == DossierStatus.IN_REVIEW || status.isDecided()
				? (dept.equals("PSB") ? Fixtures.OFFICER : Fixtures.OTHER).id() : null;
		return new Dossier(d.number(), matter, theme, d.applicant(), d.declaredData(), d.materials(), d.received(),
				d.deadline(), status, officer, dept);
	}

	/** Takes in theme applications listing the fixture matters of a PSB and an MSB member (and any more). */
	static void declare(DeskStore store, String theme, String... more) {
		List<String> matters = new java.util.ArrayList<>(List.of("GRAD-HUKOU", "PHARMACY"));
		matters.addAll(List.of(more));
		store.putThemeApplications(List.of(new org.miaopi.core.model.ThemeApplication(theme, "THEME-TEST", matters)), "test");
	}

	private Dossier decide(Officer by, String no, DecisionKind kind) {
		Decision d = new Decision(no, kind, kind == DecisionKind.REJECT ? List.of("AGE-BELOW-80") : List.of(),
				kind == DecisionKind.REJECT ? "条例第三条" : null, by.id(), Instant.now(), false, null, null, null, null);
		return store.transition(by, TransitionRequest.decide(d), TestSigner.of(by));
	}

	private void issue(Officer by, String no) {
		store.issued(by, certificate(no));
	}

	private CertificateRecord certificate(String no) {
		Dossier d = store.find(Officer.SYSTEM, no).orElseThrow();
		return new CertificateRecord("C-" + no, no, d.applicant(), d.matterCode(), Instant.parse("2026-11-23T03:00:00Z"),
				Fixtures.TODAY, null, d.departmentCode(), ContentHashing.sha256(no.getBytes()), false, null);
	}

	private List<String> decided(String no) {
		return store.history(Officer.SYSTEM, no).stream().filter(e -> e.type().equals(ThemeService.DECIDED_EVENT))
				.map(e -> e.details().get("from") + ">" + e.details().get("outcome")).toList();
	}

	@Test
	void theLastApprovalFlipsTheThemeAndOnlyThenAreItsCertificatesIssued() {
		assertTrue(store.theme("TH1").isEmpty(), "not taken in yet");
		declare(store, "TH1");
		store.putDossiers(List.of(member("A", "TH1", "PSB", DossierStatus.IN_REVIEW),
				member("B", "TH1", "MSB", DossierStatus.IN_REVIEW)), "test");
		var taken = store.theme("TH1").orElseThrow();
		assertEquals(List.of(ThemeOutcome.PENDING, 2, 2, 0), List.of(taken.outcome(), taken.expected(), taken.members(),
				taken.approved()), "taken in, no member decided yet");

		decide(Fixtures.OFFICER, "A", DecisionKind.APPROVE);
		var pending = store.theme("TH1").orElseThrow();
		assertEquals(ThemeOutcome.PENDING, pending.outcome());
		assertEquals(List.of(2, 1, 0), List.of(pending.members(), pending.approved(), pending.rejected()));
		assertEquals(List.of(), decided("A"), "PENDING to PENDING is no change");
		assertEquals(List.of("A"), store.waitingForTheme(Fixtures.OFFICER, 10).stream().map(Dossier::number).toList());
		assertEquals(List.of(), store.waitingForTheme(Fixtures.OTHER, 10), "waiting members of one's own department");
		assertTrue(store.readyForIssuance(Officer.SYSTEM, 10).isEmpty());
		IllegalArgumentException held = assertThrows(IllegalArgumentException.class, () -> issue(Fixtures.OFFICER, "A"));
		assertTrue(held.getMessage().contains("TH1") && held.getMessage().contains("PENDING"), held.getMessage());
		assertEquals(DossierStatus.APPROVED, store.find(Officer.SYSTEM, "A").orElseThrow().status());

		decide(Fixtures.OTHER, "B", DecisionKind.APPROVE);
		assertEquals(ThemeOutcome.APPROVED, store.themeOutcome("TH1").orElseThrow());
		assertEquals(List.of("PENDING>APPROVED"), decided("B"));
		assertEquals(Fixtures.OTHER.id(), store.history(Officer.SYSTEM, "B").stream()
				.filter(e -> e.type().equals(ThemeService.DECIDED_EVENT)).findFirst().orElseThrow().actor());
		assertTrue(store.waitingForTheme(Officer.SYSTEM, 10).isEmpty());
		assertEquals(Map.of("TH1", List.of("A", "B")), numbers(store.readyForIssuance(Officer.SYSTEM, 10)));
		assertThrows(AccessDeniedException.class, () -> store.readyForIssuance(Fixtures.OFFICER, 10));

		issue(Officer.SYSTEM, "A");
		assertEquals(Map.of("TH1", List.of("B")), numbers(store.readyForIssuance(Officer.SYSTEM, 10)), "A is issued");
		issue(Officer.SYSTEM, "B");
		assertTrue(store.readyForIssuance(Officer.SYSTEM, 10).isEmpty(), "a re-run issues nothing twice");
		assertEquals(ThemeOutcome.APPROVED, store.themeOutcome("TH1").orElseThrow(), "issuing keeps the theme approved");
		assertTrue(AuditChain.verify(store.ledger()).isIntact());
	}

	@Test
	void aRejectedMemberRejectsTheThemeAndBlocksEveryCertificate() {
		declare(store, "TH2", "FOOD-BUSINESS");
		store.putDossiers(List.of(member("A", "TH2", "PSB", DossierStatus.IN_REVIEW), member("B", "TH2", "MSB",
				DossierStatus.IN_REVIEW), member("C", "TH2", "MSB", "FOOD-BUSINESS", DossierStatus.RECEIVED)), "test");
		decide(Fixtures.OFFICER, "A", DecisionKind.APPROVE);
		decide(Fixtures.OTHER, "B", DecisionKind.REJECT);
		var t = store.theme("TH2").orElseThrow();
		assertEquals(ThemeOutcome.REJECTED, t.outcome());
		assertEquals(List.of(3, 1, 1), List.of(t.members(), t.approved(), t.rejected()));
		assertEquals(List.of("PENDING>REJECTED"), decided("B"));
		assertTrue(store.waitingForTheme(Fixtures.OFFICER, 10).isEmpty(), "nothing waits for a rejected theme");
		assertTrue(store.readyForIssuance(Officer.SYSTEM, 10).isEmpty());
		assertThrows(IllegalArgumentException.class, () -> issue(Fixtures.OFFICER, "A"));
		assertTrue(AuditChain.verify(store.ledger()).isIntact());
	}

	@Test
	void theEngineSettlingMembersKeepsTheOutcomeInTheSameBatch() {
		for (String t : List.of("TH3", "TH4", "TH5")) {
			declare(store, t);
		}
		store.putDossiers(List.of(member("E1", "TH3", "PSB", DossierStatus.RECEIVED),
				member("E2", "TH3", "MSB", DossierStatus.RECEIVED), member("F1", "TH4", "PSB", DossierStatus.RECEIVED),
				member("F2", "TH4", "MSB", DossierStatus.RECEIVED), member("G1", "TH5", "PSB", DossierStatus.RECEIVED),
				member("G2", "TH5", "MSB", DossierStatus.IN_REVIEW)), "test");
		List<SettleResult> r = store.settle(Officer.SYSTEM, List.of(IntakeServiceTest.approve("E1"), IntakeServiceTest.approve("E2"),
				IntakeServiceTest.approve("F1"), IntakeServiceTest.route("F2", Fixtures.OTHER.id()), IntakeServiceTest.approve("G1")));
		assertTrue(r.stream().allMatch(x -> x.outcome() == SettleResult.Outcome.SETTLED), r.toString());
		assertEquals(ThemeOutcome.APPROVED, store.themeOutcome("TH3").orElseThrow(), "both approved in one batch");
		assertEquals(List.of("PENDING>APPROVED"), decided("E2"), "one event, on the member settled last");
		assertEquals(Officer.SYSTEM_ID, store.history(Officer.SYSTEM, "E2").stream()
				.filter(e -> e.type().equals(ThemeService.DECIDED_EVENT)).findFirst().orElseThrow().actor());
		assertEquals(ThemeOutcome.PENDING, store.themeOutcome("TH4").orElseThrow(), "F2 went to an officer");
		assertEquals(ThemeOutcome.PENDING, store.themeOutcome("TH5").orElseThrow());
		assertEquals(List.of("F1", "G1"), store.waitingForTheme(Officer.SYSTEM, 10).stream().map(Dossier::number).toList());
		assertEquals(Set.of("TH3"), store.readyForIssuance(Officer.SYSTEM, 10).keySet());
		// an officer approving the last pending member makes the theme APPROVED
		decide(Fixtures.OTHER, "G2", DecisionKind.APPROVE);
		assertEquals(ThemeOutcome.APPROVED, store.themeOutcome("TH5").orElseThrow());
		assertEquals(Set.of("TH3", "TH5"), store.readyForIssuance(Officer.SYSTEM, 10).keySet());
		assertEquals(Set.of("TH3"), store.readyForIssuance(Officer.SYSTEM, 1).keySet(), "the limit counts themes");
		assertTrue(AuditChain.verify(store.ledger()).isIntact());
	}

	@Test
	void aSourceMarkedUnavailableIsReportedToTheEngineAndAudited() {
		assertTrue(store.unavailableSources().isEmpty());
		assertTrue(store.sources().stream().allMatch(s -> s.available() && s.changed() == null));
		assertThrows(AccessDeniedException.class,
				() -> store.setAvailable(Fixtures.OFFICER, SharedSource.EDUCATION, false, "down"));
		assertThrows(IllegalArgumentException.class, () -> store.setAvailable(Officer.SYSTEM, SharedSource.EDUCATION, false, " "));
		assertTrue(store.setAvailable(Officer.SYSTEM, SharedSource.EDUCATION, false, "sync: connection refused"));
		assertFalse(store.setAvailable(Officer.SYSTEM, SharedSource.EDUCATION, false, "again"), "already unavailable");
		assertEquals(Set.of(SharedSource.EDUCATION), store.unavailableSources());
		var education = store.sources().stream().filter(s -> s.source() == SharedSource.EDUCATION).findFirst().orElseThrow();
		assertFalse(education.available());
		assertEquals("sync: connection refused", education.note());
		assertEquals(Officer.SYSTEM_ID, education.changedBy());
		assertTrue(store.setAvailable(Officer.SYSTEM, SharedSource.EDUCATION, true, null));
		assertTrue(store.unavailableSources().isEmpty());
		List<AuditEvent> ledger = store.ledger();
		assertEquals(List.of("source.unavailable", "source.available"), ledger.stream().map(AuditEvent::type).toList());
		assertEquals("EDUCATION", ledger.get(0).details().get("source"));
		assertTrue(AuditChain.verify(ledger).isIntact());
	}

	@Test
	void aSourcesLastSyncIsReadFromItsOwnColumnWhetherOrNotItHasANote() throws Exception {
		assertTrue(store.setAvailable(Officer.SYSTEM, SharedSource.EDUCATION, false, "sync: connection refused"));
		assertTrue(store.setAvailable(Officer.SYSTEM, SharedSource.SOCIAL_SECURITY, false, "maintenance"));
		assertTrue(store.setAvailable(Officer.SYSTEM, SharedSource.SOCIAL_SECURITY, true, null));
		Instant synced = Instant.parse("2026-11-30T08:15:00Z");
		try (java.sql.Connection c = store.connect();
				java.sql.PreparedStatement ps = c.prepareStatement("UPDATE SHARED_SOURCE SET LAST_SYNC_MS = ? WHERE CODE = ?")) {
			ps.setLong(1, synced.toEpochMilli());
			ps.setString(2, SharedSource.SOCIAL_SECURITY.name());
			assertEquals(1, ps.executeUpdate());
		}
		Map<SharedSource, org.miaopi.core.service.SourceState> by = new java.util.EnumMap<>(SharedSource.class);
		store.sources().forEach(s -> by.put(s.source(), s));
		assertEquals("sync: connection refused", by.get(SharedSource.EDUCATION).note());
		assertEquals(null, by.get(SharedSource.EDUCATION).lastSync(), "a note is no sync: never synchronised stays unknown, not 1970");
		assertEquals(null, by.get(SharedSource.SOCIAL_SECURITY).note());
		assertEquals(synced, by.get(SharedSource.SOCIAL_SECURITY).lastSync(), "a sync time without a note is kept");
	}

	@Test
	void aSchema7StoreGetsItsThemesOutcomesAndListsWhenUpgraded() throws Exception {
		Path dir = tmp.resolve("v7");
		BootSecret secret = BootSecret.keyFile(dir.resolve(DeskStore.KEY_FILE), true);
		try (DerbyDatabase v7 = DerbyDatabase.open(dir.resolve(DeskStore.DATABASE_DIR), secret, 7);
				java.sql.Connection c = v7.connect();
				java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO DOSSIER (NUMBER, MATTER_CODE, THEME_NO,"
						+ " APPLICANT_KIND, SUBJECT_ID, APPLICANT_NAME, RECEIVED_MS, DEADLINE, STATUS, DEPARTMENT_CODE, VERSION)"
						+ " VALUES (?, 'M', ?, 'N', ?, '张伟', 0, DATE('2026-12-01'), ?, 'PSB', 1)")) {
			assertEquals(7, org.miaopi.store.schema.Migrations.version(c));
			String[][] rows = { { "A1", "TA", "APPROVED" }, { "A2", "TA", "CERTIFICATE_ISSUED" }, { "R1", "TR", "APPROVED" },
					{ "R2", "TR", "REJECTED" }, { "P1", "TP", "APPROVED" }, { "P2", "TP", "IN_REVIEW" }, { "N1", "TN", "RECEIVED" },
					{ "W1", "TW", "APPROVED" }, { "W2", "TW", "WITHDRAWN" }, { "S1", null, "APPROVED" } };
			for (String[] r : rows) {
				ps.setString(1, r[0]);
				ps.setString(2, r[1]);
				ps.setString(3, Fixtures.residentId(11).value());
				ps.setString(4, r[2]);
				ps.executeUpdate();
			}
		}
		try (DeskStore upgraded = DeskStore.open(dir, secret)) {
			assertEquals(7, upgraded.previousSchemaVersion());
			assertEquals(org.miaopi.store.schema.Migrations.CURRENT, upgraded.info().schemaVersion());
			assertEquals(ThemeOutcome.APPROVED, upgraded.themeOutcome("TA").orElseThrow());
			assertEquals(ThemeOutcome.REJECTED, upgraded.themeOutcome("TR").orElseThrow());
			var p = upgraded.theme("TP").orElseThrow();
			assertEquals(List.of(ThemeOutcome.PENDING, 2, 1, 0), List.of(p.outcome(), p.members(), p.approved(), p.rejected()));
			var n = upgraded.theme("TN").orElseThrow();
			assertEquals(List.of(ThemeOutcome.PENDING, 1, 1), List.of(n.outcome(), n.expected(), n.members()),
					"schema 10: every theme has its row, its list guessed from the members present");
			var w = upgraded.theme("TW").orElseThrow();
			assertEquals(List.of(ThemeOutcome.WITHDRAWN, 1), List.of(w.outcome(), w.withdrawn()),
					"a theme left PENDING by a withdrawn member is withdrawn");
			assertTrue(upgraded.sources().stream().allMatch(s -> s.available()));
			assertEquals(Set.of("TA"), upgraded.readyForIssuance(Officer.SYSTEM, 10).keySet());
		}
	}

	private static Map<String, List<String>> numbers(Map<String, List<Dossier>> themes) {
		Map<String, List<String>> out = new java.util.HashMap<>();
		themes.forEach((k, v) -> out.put(k, v.stream().map(Dossier::number).toList()));
		return out;
	}
}
