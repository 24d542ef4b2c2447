package org.miaopi.hub.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.miaopi.hub.store.Push.Batch;
import org.miaopi.hub.store.Push.Event;
import org.miaopi.hub.store.Push.Result;
import org.miaopi.hub.store.Push.Status;
import org.miaopi.hub.store.internal.Databases;

/**
 * Desks' outbox batches at the hub, on Derby and on PostgreSQL: applied exactly once under the
 * desk's mark, re-sent after a restore, the chain witnessed, and the hub's authority on each
 * dossier (docs/hub.md, "Conflicts": one test per rule).
 */
class PushesTest {

	/** Signs with a fixed "key": the store only keeps what the witness gives. */
	static final Push.Witness WITNESS = new Push.Witness() {
		@Override
		public byte[] sign(byte[] text) {
			return sha(new String(text, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
		}

		@Override
		public byte[] certificate() {
			return new byte[] { 1, 2, 3 };
		}
	};
	static final Push.WorkingDays DAYS = (from, to) -> (int) ((to - from) / 86_400_000L);
	static final long DAY = 86_400_000L;

	/** A desk's ledger as the hub sees it: outbox rows each carrying the next chained event. */
	static final class DeskChain {
		final String desk;
		final String department;
		String head = "0".repeat(64);
		long audit;
		long seq;
		final List<Event> events = new ArrayList<>();

		DeskChain(String desk, String department) {
			this.desk = desk;
			this.department = department;
		}

		DeskChain event(String kind, String dossierNo, String stage, String outcome, String certificate) {
			audit++;
			seq++;
			String hash = sha(desk + "|" + audit + "|" + head);
			events.add(new Event(seq, kind, dossierNo, "{\"event\":" + audit + "}", 1000 + seq, audit, head, hash,
					HubStoreTest.dossier("x", "x").submittedAt().toEpochMilli() + 2 * DAY, stage, outcome,
					outcome == null ? null : List.of("R1"), certificate));
			head = hash;
			return this;
		}

		/** A decision row with what the endpoint found of its record and signature. */
		DeskChain decide(String dossierNo, String outcome, Push.DecisionCheck check) {
			decide(dossierNo, outcome);
			Event e = events.remove(events.size() - 1);
			events.add(new Event(e.sequence(), e.kind(), e.dossierNo(), e.payload(), e.createdMs(), e.auditSeq(), e.prevHash(), e.hash(),
					e.eventMs(), e.stage(), e.outcome(), e.reasons(), e.certificateNo(), check));
			return this;
		}

		/** A certificate.issued row carrying its certificate record. */
		DeskChain issue(String dossierNo, Push.Issued record) {
			event("certificate.issued", dossierNo, "CERTIFICATE_ISSUED", null, record.number());
			Event e = events.remove(events.size() - 1);
			events.add(new Event(e.sequence(), e.kind(), e.dossierNo(), e.payload(), e.createdMs(), e.auditSeq(), e.prevHash(), e.hash(),
					e.eventMs(), e.stage(), e.outcome(), e.reasons(), e.certificateNo(), null, record));
			return this;
		}

		DeskChain decide(String dossierNo, String outcome) {
			return event("dossier." + outcome.toLowerCase(), dossierNo, outcome, outcome, null);
		}

		DeskChain claim(String dossierNo) {
			return event("dossier.claimed", dossierNo, "ASSIGNED", null, null);
		}

		/** Rows from..to as one batch. */
		Batch batch(long from, long to) {
			List<Event> part = events.subList((int) from - 1, (int) to);
			return new Batch(desk, department, from, to, part, part.get(part.size() - 1).hash());
		}
	}

	static String sha(String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static void importDossiers(HubStore store, String... submissionIds) {
		List<HubDossier> ds = Stream.of(submissionIds).map(id -> HubStoreTest.dossier(id, id.startsWith("MKT") ? "MKT" : "PSB"))
				.toList();
		store.importDossiers(ds, d -> 20);
	}

	private static Result push(HubStore store, Batch b) {
		return store.pushes().apply(b, WITNESS, DAYS);
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void aBatchIsAppliedExactlyOnceAndMovesTheProgressFeed(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			importDossiers(store, "W-1", "W-2");
			long feedBefore = store.progressFeed(0, 100).next();
			DeskChain desk = new DeskChain("psb-1", "PSB").claim("W-1").decide("W-1", "APPROVED")
					.event("certificate.issued", "W-1", "CERTIFICATE_ISSUED", null, "PSB-2026-000001")
					.event("session.signed-in", null, null, null, null);
			Result r = push(store, desk.batch(1, 4));
			assertEquals(Status.APPLIED, r.status());
			assertEquals(4, r.highWater());
			assertEquals(List.of(), r.refused());
			assertEquals(desk.head, r.checkpoint().headHash());
			assertArrayEquals(WITNESS.sign(Push.signedText("psb-1", 4, desk.head)), r.checkpoint().signature());
			Progress p = store.progress("W-1").orElseThrow();
			assertEquals("CERTIFICATE_ISSUED", p.stage());
			assertEquals("APPROVED", p.outcome());
			assertEquals(List.of("R1"), p.reasons());
			assertEquals("PSB-2026-000001", p.certificateNo());
			assertEquals(2, p.workingDaysUsed());
			assertEquals(18, p.workingDaysLeft());
			assertEquals(List.of("W-1"), store.progressFeed(feedBefore, 100).items().stream().map(Progress::submissionId).toList(),
					"the change feed moves");
			assertEquals("SUBMITTED", store.progress("W-2").orElseThrow().stage());
			assertEquals(4, store.pushes().events("psb-1").size());

			Result again = push(store, desk.batch(1, 4));
			assertEquals(Status.ALREADY_APPLIED, again.status());
			assertEquals(4, again.highWater());
			assertEquals(4, store.pushes().events("psb-1").size(), "a replay applies nothing");
			assertEquals(4, store.desks().highWater("psb-1"));
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void aBatchThatSkipsAheadOrOverlapsIsAnsweredWithTheMarkAndStoresNothing(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			importDossiers(store, "W-1");
			DeskChain desk = new DeskChain("psb-1", "PSB").claim("W-1").decide("W-1", "APPROVED").event("x", null, null, null, null);
			Result gap = push(store, desk.batch(2, 3));
			assertEquals(Status.OUT_OF_STEP, gap.status());
			assertEquals(0, gap.highWater());
			assertEquals(List.of(), store.pushes().events("psb-1"));
			assertEquals("SUBMITTED", store.progress("W-1").orElseThrow().stage());
			assertEquals(Status.APPLIED, push(store, desk.batch(1, 1)).status());
			Result overlap = push(store, desk.batch(1, 3));
			assertEquals(Status.OUT_OF_STEP, overlap.status());
			assertEquals(1, overlap.highWater());
			assertEquals(Status.APPLIED, push(store, desk.batch(2, 3)).status());
			assertEquals(3, store.desks().highWater("psb-1"));
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void aBatchWhoseChainDoesNotContinueTheHeldHeadIsRefused(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			importDossiers(store, "W-1");
			DeskChain desk = new DeskChain("psb-1", "PSB").claim("W-1").decide("W-1", "APPROVED");
			push(store, desk.batch(1, 1));
			// the desk's ledger was rewritten under what the hub witnessed: event 1 has another hash now
			DeskChain rewritten = new DeskChain("psb-1", "PSB");
			rewritten.head = "f".repeat(64);
			rewritten.claim("W-1").decide("W-1", "APPROVED");
			Result r = push(store, rewritten.batch(2, 2));
			assertEquals(Status.CHAIN_BROKEN, r.status());
			assertEquals(1, r.highWater());
			assertTrue(r.reason().contains("does not continue the ledger head"), r.reason());
			assertEquals(1, store.pushes().events("psb-1").size());
			assertEquals("ASSIGNED", store.progress("W-1").orElseThrow().stage());
			// and a batch that does not hold together in itself is malformed
			DeskChain broken = new DeskChain("psb-1", "PSB").claim("W-1").claim("W-1");
			Batch b = broken.batch(1, 2);
			Batch bad = new Batch(b.desk(), b.department(), 1, 2, List.of(b.events().get(0), withPrev(b.events().get(1), "0".repeat(64))),
					b.ledgerHead());
			assertThrows(IllegalArgumentException.class, () -> push(store, bad));
		}
	}

	private static Event withPrev(Event e, String prev) {
		return new Event(e.sequence(), e.kind(), e.dossierNo(), e.payload(), e.createdMs(), e.auditSeq(), prev, e.hash(), e.eventMs(),
				e.stage(), e.outcome(), e.reasons(), e.certificateNo());
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void aHubRestoredFromABackupAcceptsTheDesksReSend(String kind) throws Exception {
		Backup backup = Backup.of(kind);
		DeskChain desk = new DeskChain("psb-1", "PSB").claim("W-1").claim("W-2").decide("W-1", "APPROVED").decide("W-2", "REJECTED");
		try (HubStore store = HubStore.open(backup.db)) {
			importDossiers(store, "W-1", "W-2");
			assertEquals(Status.APPLIED, push(store, desk.batch(1, 2)).status());
		}
		backup.take();
		try (HubStore store = HubStore.open(backup.db)) {
			assertEquals(Status.APPLIED, push(store, desk.batch(3, 4)).status());
			assertEquals("APPROVED", store.progress("W-1").orElseThrow().outcome());
		}
		backup.restore();
		try (HubStore store = HubStore.open(backup.db)) {
			assertEquals(2, store.desks().highWater("psb-1"), "the restored hub is behind the desk");
			assertEquals(null, store.progress("W-1").orElseThrow().outcome(), "and lost the decisions after its backup");
			// the desk asks the mark (GET /v1/me) and sends again from there
			assertEquals(Status.APPLIED, push(store, desk.batch(store.desks().highWater("psb-1") + 1, 4)).status());
			assertEquals("APPROVED", store.progress("W-1").orElseThrow().outcome());
			assertEquals("REJECTED", store.progress("W-2").orElseThrow().outcome());
			assertEquals(4, store.desks().highWater("psb-1"));
		}
	}

	// --------------------------------------------------------------- conflicts: one test per rule

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void aDecisionForADossierWithdrawnAtTheHubIsRefusedForThatDossierOnly(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			importDossiers(store, "W-1", "W-2");
			assertTrue(store.pushes().withdraw("W-1"));
			DeskChain desk = new DeskChain("psb-1", "PSB").decide("W-1", "APPROVED").decide("W-2", "APPROVED");
			Result r = push(store, desk.batch(1, 2));
			assertEquals(Status.APPLIED, r.status());
			assertEquals(2, r.highWater(), "the batch is applied; the mark moves past the refused row");
			assertEquals(1, r.refused().size());
			Push.Refused refused = r.refused().get(0);
			assertEquals(1, refused.sequence());
			assertEquals("W-1", refused.dossierNo());
			assertTrue(refused.reason().contains("withdrawn"), refused.reason());
			assertEquals("WITHDRAWN", refused.hubState());
			assertEquals("WITHDRAWN", store.progress("W-1").orElseThrow().outcome());
			assertEquals("APPROVED", store.progress("W-2").orElseThrow().outcome());
			assertEquals(refused.reason(), store.pushes().events("psb-1").get(0).refused(), "the hub keeps the refused row too");
			assertNull(store.pushes().events("psb-1").get(1).refused());
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void aDecisionForADossierReassignedToAnotherDeskIsRefused(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			importDossiers(store, "W-1", "W-2");
			enrol(store, "psb-1", "PSB");
			enrol(store, "psb-2", "PSB");
			store.pushes().assign("W-1", "psb-2");
			assertThrows(IllegalArgumentException.class, () -> store.pushes().assign("W-1", "nobody"));
			DeskChain desk = new DeskChain("psb-1", "PSB").claim("W-2").decide("W-1", "REJECTED").decide("W-2", "APPROVED");
			Result r = push(store, desk.batch(1, 3));
			assertEquals(List.of(2L), r.refused().stream().map(Push.Refused::sequence).toList());
			assertTrue(r.refused().get(0).reason().contains("reassigned to desk psb-2"), r.refused().get(0).reason());
			assertEquals("SUBMITTED at desk psb-2", r.refused().get(0).hubState());
			assertEquals(null, store.progress("W-1").orElseThrow().outcome());
			assertEquals("psb-2", store.pushes().holder("W-1").orElseThrow());
			assertEquals("psb-1", store.pushes().holder("W-2").orElseThrow());
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void aDecisionForADossierDecidedAtAnotherDeskIsRefused(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			importDossiers(store, "W-1");
			assertEquals(Status.APPLIED, push(store, new DeskChain("psb-2", "PSB").decide("W-1", "APPROVED").batch(1, 1)).status());
			Result r = push(store, new DeskChain("psb-1", "PSB").claim("W-1").decide("W-1", "REJECTED").batch(1, 2));
			assertEquals(Status.APPLIED, r.status());
			assertEquals(List.of(1L, 2L), r.refused().stream().map(Push.Refused::sequence).toList());
			assertTrue(r.refused().get(1).reason().contains("decided at desk psb-2 (APPROVED)"), r.refused().get(1).reason());
			assertEquals("APPROVED", store.progress("W-1").orElseThrow().outcome());
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void aDeskCannotPushForADossierOfAnotherDepartment(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			importDossiers(store, "W-1", "MKT-1");
			Result r = push(store, new DeskChain("psb-1", "PSB").decide("W-1", "APPROVED").decide("MKT-1", "APPROVED").batch(1, 2));
			assertEquals(Status.FORBIDDEN, r.status());
			assertTrue(r.reason().contains("MKT-1 is of department MKT"), r.reason());
			assertEquals(0, store.desks().highWater("psb-1"));
			assertEquals(List.of(), store.pushes().events("psb-1"));
			assertEquals(null, store.progress("W-1").orElseThrow().outcome(), "nothing of the batch is applied");
		}
	}

	private static void enrol(HubStore store, String name, String department) {
		String code = store.desks().createCode(Desk.Role.DESK, department, Duration.ofHours(1));
		store.desks().enrol(code, name, g -> sha(name).substring(0, 16));
	}

	/** A real backup and restore: a copy of the Derby directory, or a PostgreSQL database made from it as a template. */
	static final class Backup {
		final HubDatabase db;
		private final Path derbyDir;
		private final String admin;
		private final String name;

		private Backup(HubDatabase db, Path derbyDir, String admin, String name) {
			this.db = db;
			this.derbyDir = derbyDir;
			this.admin = admin;
			this.name = name;
		}

		static Backup of(String kind) throws Exception {
			if (kind.equals("derby")) {
				Path dir = Files.createTempDirectory("hub-derby-").resolve("db");
				return new Backup(HubDatabase.derby(dir), dir, null, null);
			}
			HubDatabase db = TestDatabases.freshPostgres();
			String url = db.url();
			String name = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
			return new Backup(db, null, System.getenv(TestDatabases.POSTGRES_URL), name);
		}

		void take() throws Exception {
			if (derbyDir != null) {
				copy(derbyDir, derbyDir.resolveSibling("backup"));
			} else {
				sql("CREATE DATABASE " + name + "_backup TEMPLATE " + name);
			}
		}

		void restore() throws Exception {
			if (derbyDir != null) {
				delete(derbyDir);
				copy(derbyDir.resolveSibling("backup"), derbyDir);
			} else {
				sql("DROP DATABASE " + name + " WITH (FORCE)");
				sql("CREATE DATABASE " + name + " TEMPLATE " + name + "_backup");
				sql("DROP DATABASE " + name + "_backup");
			}
		}

		private void sql(String statement) throws Exception {
			try (Connection c = Databases.connect(HubDatabase.postgres(admin, null, null), false); Statement s = c.createStatement()) {
				s.execute(statement);
			}
		}

		private static void copy(Path from, Path to) throws IOException {
			try (Stream<Path> all = Files.walk(from)) {
				for (Path p : all.toList()) {
					Files.copy(p, to.resolve(from.relativize(p).toString()));
				}
			}
		}

		private static void delete(Path dir) throws IOException {
			try (Stream<Path> all = Files.walk(dir)) {
				for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}
}
