package org.miaopi.hub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.miaopi.hub.store.Push.Batch;
import org.miaopi.hub.store.Push.Event;

/**
 * Passwords changed at a desk reach the hub (docs/hub.md, "Passwords changed at a desk"), on Derby
 * and PostgreSQL: the new verifier replaces the hub's and is pulled by the department's desks; a
 * reset at the hub after the change wins; a lock stays; another department's or a removed user is
 * not changed.
 */
class DeskPasswordsTest {

	private final List<Event> events = new ArrayList<>();
	private String head = "0".repeat(64);

	/** A desk's user.password-changed row at {@code atMs}, carrying the new verifier. */
	private Batch changed(String user, String verifier, long atMs) {
		long seq = events.size() + 1;
		String hash = PushesTest.sha("psb-1|" + seq + "|" + head);
		events.add(new Event(seq, "user.password-changed", null, "{\"event\":{},\"password\":{\"user\":\"" + user + "\",\"passwordHash\":\""
				+ verifier + "\"}}", atMs, seq, head, hash, atMs, null, null, null, null));
		head = hash;
		return new Batch("psb-1", "PSB", seq, seq, List.of(events.get(events.size() - 1)), hash);
	}

	private static void push(HubStore store, Batch b) {
		assertEquals(Push.Status.APPLIED, store.pushes().apply(b, PushesTest.WITNESS, PushesTest.DAYS).status());
	}

	private static String refused(HubStore store, long seq) {
		return store.pushes().events("psb-1").get((int) seq - 1).refused();
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void theDesksNewVerifierReplacesTheHubsAndTheDepartmentsDesksPullIt(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			store.users().create("li.na", "李娜", "PSB", "OFFICER", "pbkdf2$one-time");
			long cursor = store.users().departmentUsers("PSB", 0, 100).next();
			push(store, changed("li.na", "pbkdf2$her-own", System.currentTimeMillis() + 1_000));
			assertNull(refused(store, 1));
			HubUser u = store.users().user("li.na").orElseThrow();
			assertEquals("pbkdf2$her-own", u.passwordHash());
			assertFalse(u.mustChangePassword(), "she chose it: the other desks do not ask her to change it again");
			assertEquals(List.of("li.na"), store.users().departmentUsers("PSB", cursor, 100).items().stream().map(HubUser::id).toList(),
					"the department's other desks pull it at their next round");
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void aResetAtTheHubAfterTheChangeWinsALockStaysAndOtherDepartmentsOrRemovedUsersAreNotChanged(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			store.users().create("li.na", "李娜", "PSB", "OFFICER", "pbkdf2$one-time");
			store.users().create("zhao.liu", "赵六", "MKT", "OFFICER", "pbkdf2$mkt");
			store.users().create("gone", "离职", "PSB", "OFFICER", "pbkdf2$gone");
			store.users().remove("gone");
			long before = System.currentTimeMillis() - 60_000;
			store.users().resetPassword("li.na", "pbkdf2$reset-at-hub");
			push(store, changed("li.na", "pbkdf2$changed-before-the-reset", before));
			assertTrue(refused(store, 1).contains("the hub's stands"), refused(store, 1));
			assertEquals("pbkdf2$reset-at-hub", store.users().user("li.na").orElseThrow().passwordHash());
			assertTrue(store.users().user("li.na").orElseThrow().mustChangePassword());

			push(store, changed("zhao.liu", "pbkdf2$x", System.currentTimeMillis() + 1_000));
			assertTrue(refused(store, 2).contains("of department MKT"), refused(store, 2));
			assertEquals("pbkdf2$mkt", store.users().user("zhao.liu").orElseThrow().passwordHash());
			push(store, changed("gone", "pbkdf2$x", System.currentTimeMillis() + 1_000));
			assertTrue(refused(store, 3).contains("removed"), refused(store, 3));
			push(store, changed("nobody", "pbkdf2$x", System.currentTimeMillis() + 1_000));
			assertTrue(refused(store, 4).contains("not a user the hub keeps"), refused(store, 4));

			store.users().lock("li.na", "on leave");
			push(store, changed("li.na", "pbkdf2$while-locked", System.currentTimeMillis() + 1_000));
			HubUser locked = store.users().user("li.na").orElseThrow();
			assertEquals("pbkdf2$while-locked", locked.passwordHash());
			assertTrue(locked.locked(), "the hub's lock stays: the password does not unlock her");
		}
	}
}
