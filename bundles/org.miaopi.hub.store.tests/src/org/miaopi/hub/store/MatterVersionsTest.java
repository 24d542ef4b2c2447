package org.miaopi.hub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.miaopi.hub.store.MatterVersions.Kind;

/** The matter and theme versions enabled city-wide: the desks' feed and the admins' log, on Derby and on PostgreSQL. */
class MatterVersionsTest {

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void eachChangeComesOnceAfterTheCursorAndIsLoggedWithWhoAndWhy(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			assertEquals(List.of(), store.matterVersions().list(), "a new hub names no version");
			assertTrue(store.matterVersions().set(Kind.MATTER, "GRAD-HUKOU", "2", true, "ops", "the 2026 policy"));
			assertTrue(store.matterVersions().set(Kind.MATTER, "GRAD-HUKOU", "1", false, "ops", "superseded"));
			assertFalse(store.matterVersions().set(Kind.MATTER, "GRAD-HUKOU", "1", false, "ops", "again"), "a second click changes nothing");
			Page<MatterVersions.State> first = store.matterVersions().changes(0, 10);
			assertEquals(List.of("2:true", "1:false"), first.items().stream().map(s -> s.version() + ":" + s.enabled()).toList());
			assertTrue(store.matterVersions().changes(first.next(), 10).items().isEmpty());

			assertTrue(store.matterVersions().set(Kind.MATTER, "GRAD-HUKOU", "1", true, "ops", "rolled back"));
			Page<MatterVersions.State> next = store.matterVersions().changes(first.next(), 10);
			assertEquals(1, next.items().size());
			assertTrue(next.items().get(0).enabled());
			assertEquals(2, store.matterVersions().list().size(), "one row per version");

			List<MatterVersions.Change> log = store.matterVersions().log();
			assertEquals(List.of("the 2026 policy", "superseded", "rolled back"), log.stream().map(MatterVersions.Change::note).toList());
			assertTrue(log.stream().allMatch(c -> c.by().equals("ops")));
			assertThrows(IllegalArgumentException.class, () -> store.matterVersions().set(Kind.THEME, "", "1", true, "ops", null));
		}
	}
}
