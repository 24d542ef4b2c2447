package org.miaopi.hub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.miaopi.hub.store.PushesTest.DeskChain;
import org.miaopi.hub.store.Push.DecisionCheck;
import org.miaopi.hub.store.Push.Result;
import org.miaopi.hub.store.Push.Status;

/**
 * Officers' decisions at the hub beyond their signature (docs/hub.md, "Officers' signatures at the
 * hub"), on Derby and on PostgreSQL: a decision whose check failed is refused for its dossier alone
 * and the desk's later moves of it too, until a decision that stands; the certificate the hub learns;
 * its revocation; an officer the hub knows in another department; 秒批 unsigned.
 */
class DecisionTrustTest {

	private static final byte[] CERT = { 48, 1, 2 };
	private static final String FP = "a".repeat(64);

	private static long decided() {
		return HubStoreTest.dossier("x", "x").submittedAt().toEpochMilli() + 2 * PushesTest.DAY;
	}

	private static DecisionCheck good(String officer) {
		return new DecisionCheck(null, officer, false, FP, CERT, decided());
	}

	private static HubStore withDossiers(String kind, String... ids) throws Exception {
		HubStore store = HubStore.open(TestDatabases.fresh(kind));
		store.importDossiers(Stream.of(ids).map(id -> HubStoreTest.dossier(id, "PSB")).toList(), d -> 20);
		return store;
	}

	private static Result push(HubStore store, DeskChain desk, long from) {
		return store.pushes().apply(desk.batch(from, desk.seq), PushesTest.WITNESS, PushesTest.DAYS);
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void aDecisionWhoseSignatureFailsIsRefusedForItsDossierAloneAndSoIsTheCertificateOnIt(String kind) throws Exception {
		try (HubStore store = withDossiers(kind, "W-1", "W-2")) {
			DeskChain desk = new DeskChain("psb-1", "PSB").claim("W-1").claim("W-2")
					.decide("W-1", "APPROVED", new DecisionCheck("officer li.na's signature does not hold for this decision", "li.na", false,
							FP, CERT, decided()))
					.decide("W-2", "APPROVED", good("li.na"))
					.event("certificate.issued", "W-1", "CERTIFICATE_ISSUED", null, "PSB-2026-H00000001");
			Result r = push(store, desk, 1);
			assertEquals(Status.APPLIED, r.status());
			assertEquals(5, r.highWater(), "the mark moves past the refused rows");
			assertEquals(List.of(3L, 5L), r.refused().stream().map(Push.Refused::sequence).toList());
			assertTrue(r.refused().get(0).reason().contains("signature does not hold"), r.refused().get(0).reason());
			assertTrue(r.refused().get(1).reason().startsWith("the decision this change follows was refused at the hub"),
					r.refused().get(1).reason());
			Progress w1 = store.progress("W-1").orElseThrow();
			assertEquals("ASSIGNED", w1.stage(), "the claim stands, the approval does not");
			assertNull(w1.outcome());
			assertNull(w1.certificateNo(), "no certificate number on an approval the hub refused");
			assertEquals("APPROVED", store.progress("W-2").orElseThrow().outcome());
			List<Push.Stored> kept = store.pushes().events("psb-1");
			assertEquals(5, kept.size(), "refused rows are kept, with why");
			assertTrue(kept.get(2).refused().contains("signature"));

			// the officer decides again at the desk (e.g. after a reissued key): a decision that stands clears it
			desk.decide("W-1", "APPROVED", good("li.na"))
					.event("certificate.issued", "W-1", "CERTIFICATE_ISSUED", null, "PSB-2026-H00000002");
			Result again = push(store, desk, 6);
			assertEquals(List.of(), again.refused());
			assertEquals("PSB-2026-H00000002", store.progress("W-1").orElseThrow().certificateNo());
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void theHubLearnsTheCertificateOfAnAppliedDecisionAndRefusesDecisionsAfterItsRevocation(String kind) throws Exception {
		try (HubStore store = withDossiers(kind, "W-1", "W-2")) {
			DeskChain desk = new DeskChain("psb-1", "PSB").decide("W-1", "APPROVED", good("li.na"));
			assertEquals(List.of(), push(store, desk, 1).refused());
			List<OfficerCertificates.Known> known = store.officerCertificates().of("li.na");
			assertEquals(1, known.size());
			assertEquals(FP, known.get(0).fingerprint());
			assertEquals("psb-1", known.get(0).desk());
			assertEquals("PSB", known.get(0).department());
			assertNull(known.get(0).revokedAt());
			assertEquals(List.of(), store.officerCertificates().of("wang.wu"));

			assertTrue(store.officerCertificates().revoke(FP, "key lost"));
			assertEquals(false, store.officerCertificates().revoke(FP, "again"), "a second revocation changes nothing");
			long later = System.currentTimeMillis() + 60_000;
			desk.decide("W-2", "APPROVED", new DecisionCheck(null, "li.na", false, FP, CERT, later));
			Result r = push(store, desk, 2);
			assertEquals(1, r.refused().size());
			assertTrue(r.refused().get(0).reason().contains("revoked at the hub") && r.refused().get(0).reason().contains("key lost"),
					r.refused().get(0).reason());
			assertEquals("SUBMITTED", store.progress("W-2").orElseThrow().stage());
			assertEquals(1, store.officerCertificates().of(null).size(), "known once");
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void anOfficerTheHubKnowsInAnotherDepartmentCannotDecideHereAndAnotherOfficersCertificateIsRefused(String kind) throws Exception {
		try (HubStore store = withDossiers(kind, "W-1", "W-2", "W-3")) {
			store.users().create("zhao.liu", "赵六", "MKT", "OFFICER", "pbkdf2$x");
			store.users().create("li.na", "李娜", "PSB", "OFFICER", "pbkdf2$x");
			DeskChain desk = new DeskChain("psb-1", "PSB").decide("W-1", "APPROVED", good("li.na"))
					.decide("W-2", "APPROVED", new DecisionCheck(null, "zhao.liu", false, "b".repeat(64), CERT, decided()))
					.decide("W-3", "APPROVED", new DecisionCheck(null, "wang.wu", false, FP, CERT, decided()));
			Result r = push(store, desk, 1);
			assertEquals(List.of("W-2", "W-3"), r.refused().stream().map(Push.Refused::dossierNo).toList());
			assertTrue(r.refused().get(0).reason().contains("user of department MKT"), r.refused().get(0).reason());
			assertTrue(r.refused().get(1).reason().contains("known at the hub as officer li.na's"), r.refused().get(1).reason());
			assertEquals("APPROVED", store.progress("W-1").orElseThrow().outcome());
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void an秒批DecisionNeedsNoOfficersCertificateButOneThatFailedItsCheckIsRefused(String kind) throws Exception {
		try (HubStore store = withDossiers(kind, "W-1", "W-2")) {
			DeskChain desk = new DeskChain("psb-1", "PSB")
					.decide("W-1", "APPROVED", new DecisionCheck(null, "SYSTEM", true, null, null, decided()))
					.decide("W-2", "APPROVED", new DecisionCheck("the decision record is not valid: an automatic decision names its policy,"
							+ " policy version and inputs digest", "SYSTEM", true, null, null, decided()));
			Result r = push(store, desk, 1);
			assertEquals(List.of("W-2"), r.refused().stream().map(Push.Refused::dossierNo).toList());
			assertEquals("APPROVED", store.progress("W-1").orElseThrow().outcome());
			assertEquals(List.of(), store.officerCertificates().of(null), "秒批 has no certificate to learn");
		}
	}
}
