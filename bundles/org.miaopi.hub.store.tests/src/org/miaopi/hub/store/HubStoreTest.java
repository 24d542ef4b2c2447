package org.miaopi.hub.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.miaopi.hub.store.schema.HubMigrations;

/** The hub's persistence, the same tests on embedded Derby and on PostgreSQL. */
class HubStoreTest {

	private static final String HASH_A = "a".repeat(64);

	static HubDossier dossier(String submissionId, String department) {
		return new HubDossier(0, submissionId, department, "M-" + department, null, null, 'N', "110101199003074514", "张三", null,
				Map.of("name", "张三"), List.of(new HubMaterial("ID-CARD", HASH_A, "id.pdf", "application/pdf", 3, null)),
				Instant.parse("2026-12-01T01:00:00Z"), null);
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void opensNewDatabaseAtCurrentSchemaAndReopensWithItsData(String kind) throws Exception {
		HubDatabase db = TestDatabases.fresh(kind);
		try (HubStore store = HubStore.open(db)) {
			assertEquals(0, store.previousSchemaVersion());
			store.importDossiers(List.of(dossier("S1", "MKT")), d -> 5);
		}
		try (HubStore store = HubStore.open(db)) {
			assertEquals(HubMigrations.CURRENT, store.previousSchemaVersion(), "a second open finds the schema it left");
			assertEquals(1L, store.counts().get("Dossier"));
			assertEquals("SUBMITTED", store.progress("S1").orElseThrow().stage());
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void submissionSeenBeforeIsNotImportedTwice(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			ImportResult first = store.importDossiers(List.of(dossier("S1", "MKT"), dossier("S2", "MKT"), dossier("S1", "MKT")), d -> 5);
			assertEquals(2, first.imported());
			assertEquals(List.of("S1"), first.duplicates(), "twice in one file: the second is a duplicate");
			ImportResult again = store.importDossiers(List.of(dossier("S2", "MKT"), dossier("S3", "CIVIL")), d -> 5);
			assertEquals(1, again.imported());
			assertEquals(List.of("S2"), again.duplicates());
			assertEquals(3L, store.counts().get("Dossier"));
			assertEquals(3L, store.counts().get("Progress"));
			HubDossier back = store.dossier("S3").orElseThrow();
			assertEquals("CIVIL", back.departmentCode());
			assertEquals(Map.of("name", "张三"), back.declared(), "declared data come back as given, Chinese included");
			assertEquals(HASH_A, back.materials().get(0).sha256());
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void departmentPullIsPagedResumableAndHoldsOnlyThatDepartment(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			List<HubDossier> in = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				in.add(dossier("S" + i, i % 3 == 2 ? "CIVIL" : "MKT"));
			}
			store.importDossiers(in, d -> 5);
			List<String> pulled = new ArrayList<>();
			long cursor = 0;
			Page<HubDossier> page;
			do {
				page = store.departmentDossiers("MKT", cursor, 2);
				page.items().forEach(d -> pulled.add(d.submissionId()));
				cursor = page.next();
			} while (page.more());
			assertEquals(List.of("S0", "S1", "S3", "S4", "S6"), pulled);
			assertTrue(store.departmentDossiers("MKT", cursor, 2).items().isEmpty(), "nothing after the last cursor");
			assertEquals(cursor, store.departmentDossiers("MKT", cursor, 2).next(), "an empty page keeps the cursor");
			store.importDossiers(List.of(dossier("S7", "MKT")), d -> 5);
			assertEquals(List.of("S7"), store.departmentDossiers("MKT", cursor, 2).items().stream().map(HubDossier::submissionId).toList(),
					"a pull resumed from its cursor finds what came in since, and only that");
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void progressFeedReadsChangesAfterCursor(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			store.importDossiers(List.of(dossier("S1", "MKT"), dossier("S2", "MKT")), d -> 7);
			Page<Progress> first = store.progressFeed(0, 1);
			assertEquals("S1", first.items().get(0).submissionId());
			assertEquals(7, first.items().get(0).workingDaysLeft());
			assertTrue(first.more());
			Page<Progress> second = store.progressFeed(first.next(), 10);
			assertEquals(List.of("S2"), second.items().stream().map(Progress::submissionId).toList());
			assertFalse(second.more());
			assertTrue(store.progress("nope").isEmpty());
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void contentIsStoredOnceAndReadBackByteForByte(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			byte[] bytes = new byte[300_000];
			new java.util.Random(1).nextBytes(bytes);
			assertTrue(store.putContent(HASH_A, "application/pdf", bytes));
			assertFalse(store.putContent(HASH_A, "application/pdf", bytes), "the same hash is stored once");
			assertArrayEquals(bytes, store.content(HASH_A).orElseThrow());
			assertEquals(Set.of(HASH_A), store.knownContents(List.of(HASH_A, "b".repeat(64))));
			store.importDossiers(List.of(dossier("S1", "MKT")), d -> 5);
			assertTrue(store.departmentHasContent("MKT", HASH_A));
			assertFalse(store.departmentHasContent("CIVIL", HASH_A), "no dossier of that department carries the file");
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void sharedRecordsHeldOnceBySourceSubjectAndAsOf(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			Instant asOf = Instant.parse("2026-11-30T00:00:00Z");
			HubRecord r = new HubRecord("HOUSEHOLD_REGISTRATION", "110101199003074514", asOf, Map.of("name", "张三"));
			HubRecord later = new HubRecord("HOUSEHOLD_REGISTRATION", "110101199003074514", asOf.plusSeconds(60), Map.of("name", "张三"));
			assertEquals(1, store.importRecords(List.of(r, r)));
			assertEquals(1, store.importRecords(List.of(r, later)), "a newer as-of time is a new record");
			assertEquals(2, store.records(List.of("110101199003074514")).size());
			assertTrue(store.records(List.of("other")).isEmpty());
		}
	}
}
