package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.miaopi.core.MiaopiHome;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.service.StoreInfo;

/** {@code ./miaopi store info}'s figures: the same order on every store; verification never creates a store. */
class StoreInfoTest extends SeededStoreTest {

	@Test
	void countsComeInTheDocumentedOrderAndDossiersByStatusInLifecycleOrder() throws Exception {
		store.putDossiers(List.of(Fixtures.dossier("D1", "PSB", DossierStatus.IN_REVIEW), Fixtures.dossier("D2", "PSB", DossierStatus.RECEIVED),
				Fixtures.dossier("D3", "PSB", DossierStatus.RECEIVED)), "test");
		StoreInfo info = store.info();
		assertEquals(List.of("dossier", "material", "comparison", "decision", "certificate", "audit_event", "shared_record", "content",
				"officer", "department"), new ArrayList<>(info.counts().keySet()), "the order users read the counts in");
		assertEquals(Arrays.asList(DossierStatus.values()), new ArrayList<>(info.dossiersByStatus().keySet()),
				"every status, in lifecycle order, zeros included");
		assertEquals(2L, info.dossiersByStatus().get(DossierStatus.RECEIVED));
		assertEquals(1L, info.dossiersByStatus().get(DossierStatus.IN_REVIEW));
		assertEquals(0L, info.dossiersByStatus().get(DossierStatus.WITHDRAWN));
		assertEquals(3L, info.counts().get("dossier"));
		assertEquals(3L, info.dossiersByStatus().values().stream().mapToLong(Long::longValue).sum());

		// a second store, filled differently, lists its counts in the same order
		Path other = tmp.resolve("other");
		try (DeskStore second = DeskStore.open(other, BootSecret.NONE)) {
			Fixtures.seed(second);
			StoreInfo secondInfo = second.info();
			assertEquals(new ArrayList<>(info.counts().keySet()), new ArrayList<>(secondInfo.counts().keySet()));
			assertEquals(new ArrayList<>(info.dossiersByStatus().keySet()), new ArrayList<>(secondInfo.dossiersByStatus().keySet()));
		}
	}

	@Test
	void theSchemaLineSaysWhatTheFullInfoSaysOfTheStore() throws Exception {
		StoreInfo info = store.info();
		StoreInfo.Schema schema = store.schema();
		assertEquals(new StoreInfo.Schema(info.schemaVersion(), info.encrypted(), info.bootMode()), schema);
		assertTrue(schema.encrypted(), "the seeded store is encrypted with its key file");
		assertEquals(org.miaopi.store.schema.Migrations.CURRENT, schema.version(), "a store opened by this Miaopi is migrated");
		try (DeskStore plain = DeskStore.open(tmp.resolve("plain"), BootSecret.NONE)) {
			assertFalse(plain.schema().encrypted(), "a store opened without a secret is said to be plain");
			assertEquals(plain.info().bootMode(), plain.schema().bootMode());
		}
	}

	@Test
	void lookingUpACertificateOnADeskWithoutAStoreCreatesNone() throws Exception {
		Path home = tmp.resolve("fresh-home");
		String before = System.getProperty(MiaopiHome.PROPERTY);
		System.setProperty(MiaopiHome.PROPERTY, home.toString());
		DeskStoreComponent desk = new DeskStoreComponent();
		try {
			assertTrue(desk.certificate("MKT-2026-00000001").isEmpty());
			assertFalse(Files.exists(home.resolve("store")), "verifying a file created a store in a fresh home");
			assertTrue(desk.info().counts().values().stream().allMatch(n -> n == 0), "the store opens as usual for everything else");
			assertTrue(desk.certificate("MKT-2026-00000001").isEmpty());
		} finally {
			desk.deactivate();
			if (before == null) {
				System.clearProperty(MiaopiHome.PROPERTY);
			} else {
				System.setProperty(MiaopiHome.PROPERTY, before);
			}
		}
	}
}
