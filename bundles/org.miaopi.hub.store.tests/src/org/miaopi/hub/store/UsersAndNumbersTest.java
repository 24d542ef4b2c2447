package org.miaopi.hub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hub's users feed and its certificate number blocks, on Derby and on PostgreSQL. */
class UsersAndNumbersTest {

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void aDepartmentsFeedHoldsOnlyItsUsersAndEveryChangeComesAgain(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			store.users().create("li.na", "李娜", "SZPSB", "OFFICER", "pbkdf2-sha256$1$a$b");
			store.users().create("wang.wu", "王五", "SZMKT", "OFFICER", "pbkdf2-sha256$1$c$d");
			Page<HubUser> first = store.users().departmentUsers("SZPSB", 0, 10);
			assertEquals(List.of("li.na"), first.items().stream().map(HubUser::id).toList(), "another department's user is not in the feed");
			assertTrue(store.users().departmentUsers("SZPSB", first.next(), 10).items().isEmpty(), "nothing changed since the cursor");

			assertTrue(store.users().lock("li.na", "left the department"));
			assertFalse(store.users().lock("li.na", "again"), "a second lock changes nothing");
			HubUser locked = store.users().departmentUsers("SZPSB", first.next(), 10).items().get(0);
			assertTrue(locked.locked());
			assertEquals("left the department", locked.lockReason());

			assertTrue(store.users().remove("li.na"));
			HubUser removed = store.users().departmentUsers("SZPSB", locked.version(), 10).items().get(0);
			assertTrue(removed.removed() && removed.locked(), "a removed user comes once more, locked");
			assertFalse(store.users().unlock("li.na"), "a removed user is not unlocked");
			assertThrows(IllegalArgumentException.class, () -> store.users().create("li.na", "x", "SZPSB", "OFFICER", "h"),
					"a removed user's id is not given again");
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void blocksOfOneDepartmentNeverOverlapAndARetriedRequestGetsTheSameBlock(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			NumberBlock a = store.numbers().reserve("desk-a", "SZPSB", 0);
			assertEquals(a, store.numbers().reserve("desk-a", "SZPSB", 0), "an unanswered request asked again gets the same block");
			NumberBlock b = store.numbers().reserve("desk-b", "SZPSB", 0);
			NumberBlock a2 = store.numbers().reserve("desk-a", "SZPSB", a.last());
			assertEquals(1, a.first());
			assertEquals(a.last() + 1, b.first());
			assertEquals(b.last() + 1, a2.first());
			assertEquals(1, store.numbers().reserve("desk-c", "SZMKT", 0).first(), "each department has its own sequence");

			// desks reserving at the same time, once the department's sequence exists
			store.numbers().reserve("desk-0", "SZEDU", 0);
			ExecutorService pool = Executors.newFixedThreadPool(4);
			List<Future<NumberBlock>> futures = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String desk = "desk-" + (i % 4);
				futures.add(pool.submit(() -> store.numbers().reserve(desk, "SZEDU", 1_000_000)));
			}
			List<NumberBlock> edu = new ArrayList<>();
			for (Future<NumberBlock> f : futures) {
				edu.add(f.get());
			}
			pool.shutdown();
			edu.sort((x, y) -> Long.compare(x.first(), y.first()));
			assertEquals(1001, edu.get(0).first());
			for (int i = 1; i < edu.size(); i++) {
				assertEquals(edu.get(i - 1).last() + 1, edu.get(i).first(), "blocks overlap or leave a gap: " + edu);
			}
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void voidNumbersAreKeptOnceAndOnlyFromTheDesksOwnBlocks(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			NumberBlock a = store.numbers().reserve("desk-a", "SZPSB", 0);
			store.numbers().reserve("desk-b", "SZPSB", 0);
			var mine = new CertificateNumbers.VoidNumber("SZPSB-2026-H00000007", 7);
			assertEquals(1, store.numbers().recordVoid("desk-a", "SZPSB", List.of(mine)));
			assertEquals(0, store.numbers().recordVoid("desk-a", "SZPSB", List.of(mine)), "reported twice, kept once");
			var theirs = new CertificateNumbers.VoidNumber("SZPSB-2026-H00001007", a.last() + 7);
			assertThrows(IllegalArgumentException.class, () -> store.numbers().recordVoid("desk-a", "SZPSB", List.of(theirs)));
			assertEquals(List.of("SZPSB-2026-H00000007"), store.numbers().voids("SZPSB"));
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void aSourcesChangesComeOnceEachAfterTheCursor(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			assertFalse(store.sources().set("EDUCATION", true, null), "a source never set is available");
			assertTrue(store.sources().set("EDUCATION", false, "maintenance"));
			assertFalse(store.sources().set("EDUCATION", false, "again"), "a second click changes nothing");
			Page<SourceStates.State> first = store.sources().changes(0, 10);
			assertEquals(1, first.items().size());
			assertFalse(first.items().get(0).available());
			assertEquals("maintenance", first.items().get(0).note());
			assertTrue(store.sources().set("EDUCATION", true, null));
			Page<SourceStates.State> next = store.sources().changes(first.next(), 10);
			assertEquals(1, next.items().size());
			assertTrue(next.items().get(0).available());
		}
	}
}
