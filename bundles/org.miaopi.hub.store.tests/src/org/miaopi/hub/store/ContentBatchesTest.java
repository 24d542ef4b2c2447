package org.miaopi.hub.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many files in one read for a desk's pull (docs/hub.md, {@code POST /v1/contents}), on Derby and
 * PostgreSQL: the files in the order asked, only up to the byte cap (the rest to ask again), and the
 * whole batch refused for one file that is not the department's or that the hub does not hold.
 */
class ContentBatchesTest {

	private static final String A = "a".repeat(64);
	private static final String B = "b".repeat(64);
	private static final String C = "c".repeat(64);
	private static final String D = "d".repeat(64);

	private static HubDossier dossier(String id, String department, String... hashes) {
		return new HubDossier(0, id, department, "M-" + department, null, null, 'N', "110101199003074514", "张三", null, Map.of("name", "张三"),
				java.util.Arrays.stream(hashes).map(h -> new HubMaterial("ID-CARD", h, "id.pdf", "application/pdf", 4, null)).toList(),
				Instant.parse("2026-12-01T01:00:00Z"), null);
	}

	private static byte[] bytes(char c, int n) {
		byte[] b = new byte[n];
		java.util.Arrays.fill(b, (byte) c);
		return b;
	}

	private static HubStore filled(String kind) throws Exception {
		HubStore store = HubStore.open(TestDatabases.fresh(kind));
		store.importDossiers(List.of(dossier("P-1", "PSB", A, B), dossier("P-2", "PSB", C, D), dossier("M-1", "MCA", C)),
				List.of(new HubContent(A, "application/pdf", bytes('a', 100)), new HubContent(B, "application/pdf", bytes('b', 200)),
						new HubContent(C, "application/pdf", bytes('c', 300))),
				d -> 5);
		return store;
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void filesComeInTheOrderAskedUpToTheByteCap(String kind) throws Exception {
		try (HubStore store = filled(kind)) {
			ContentBatches.Batch all = store.contentBatches().read("PSB", List.of(C, A, B), 10_000);
			assertEquals(List.of(C, A, B), all.files().stream().map(ContentBatches.File::sha256).toList());
			assertArrayEquals(bytes('c', 300), all.files().get(0).bytes());
			assertTrue(all.rest().isEmpty());

			ContentBatches.Batch capped = store.contentBatches().read("PSB", List.of(A, B, C), 350);
			assertEquals(List.of(A, B), capped.files().stream().map(ContentBatches.File::sha256).toList());
			assertEquals(List.of(C), capped.rest(), "what did not fit is asked for again");
			ContentBatches.Batch one = store.contentBatches().read("PSB", List.of(C, A), 10);
			assertEquals(List.of(C), one.files().stream().map(ContentBatches.File::sha256).toList(), "a file over the cap comes alone");
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void aFileOfAnotherDepartmentOrNotHeldRefusesTheWholeBatch(String kind) throws Exception {
		try (HubStore store = filled(kind)) {
			ContentBatches.Refused other = assertThrows(ContentBatches.Refused.class,
					() -> store.contentBatches().read("MCA", List.of(C, A), 10_000));
			assertEquals(A, other.sha256, "a file held, but of no MCA dossier");
			assertTrue(other.getMessage().contains("department MCA"), other.getMessage());
			ContentBatches.Refused notHeld = assertThrows(ContentBatches.Refused.class,
					() -> store.contentBatches().read("PSB", List.of(A, D), 10_000));
			assertEquals(D, notHeld.sha256);
			assertFalse(notHeld.held, "named by a dossier, but the hub has no bytes for it");
			ContentBatches.Refused unknown = assertThrows(ContentBatches.Refused.class,
					() -> store.contentBatches().read("PSB", List.of("e".repeat(64)), 10_000));
			assertTrue(unknown.getMessage().contains("no file"), unknown.getMessage());
		}
	}
}
