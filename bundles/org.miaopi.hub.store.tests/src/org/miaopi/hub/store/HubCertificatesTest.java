package org.miaopi.hub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.miaopi.hub.store.PushesTest.DeskChain;

/**
 * The city's register of certificates at the hub (docs/hub.md, "Certificates at the hub"), on Derby
 * and PostgreSQL: a pushed certificate.issued row that the hub applies keeps its record once, with
 * whether the hub holds its PDF; a refused one keeps none.
 */
class HubCertificatesTest {

	private static final String SHA = "c".repeat(64);

	private static Push.Issued record(String number) {
		return new Push.Issued(number, "GRAD-HUKOU", "NATURAL", "110101199003074514", "张三", 1_700_000_000_000L, "2026-12-03", null,
				"PSB", SHA);
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void anAppliedCertificateIsKeptOnceAndARefusedOneNot(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			store.importDossiers(Stream.of("W-1", "W-2").map(id -> HubStoreTest.dossier(id, "PSB")).toList(), d -> 20);
			store.pushes().withdraw("W-2");
			DeskChain desk = new DeskChain("psb-1", "PSB").decide("W-1", "APPROVED").issue("W-1", record("PSB-2026-H00000001"))
					.decide("W-2", "APPROVED").issue("W-2", record("PSB-2026-H00000002"));
			Push.Result r = store.pushes().apply(desk.batch(1, 4), PushesTest.WITNESS, PushesTest.DAYS);
			assertEquals(List.of("W-2", "W-2"), r.refused().stream().map(Push.Refused::dossierNo).toList());
			HubCertificates.Certificate c = store.certificates().of("PSB-2026-H00000001").orElseThrow();
			assertEquals("W-1", c.submissionId());
			assertEquals("PSB", c.department());
			assertEquals("psb-1", c.desk());
			assertEquals("张三", c.holderName());
			assertEquals("2026-12-03", c.validFrom());
			assertEquals(null, c.validTo());
			assertFalse(c.documentHeld(), "the desk has not uploaded the PDF");
			assertTrue(store.certificates().of("PSB-2026-H00000002").isEmpty(), "a refused issuance is no certificate of the city");
			assertEquals("PSB-2026-H00000001", store.progress("W-1").orElseThrow().certificateNo());

			store.putContent(SHA, "application/pdf", new byte[] { '%', 'P', 'D', 'F', '-' });
			assertTrue(store.certificates().of("PSB-2026-H00000001").orElseThrow().documentHeld());
			assertEquals(1, store.certificates().forDossier("W-1").size());
		}
	}
}
