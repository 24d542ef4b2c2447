package org.miaopi.hub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.miaopi.hub.store.Desk.Role;
import org.miaopi.hub.store.Desks.EnrolRefused;

/** Enrolment codes, enrolled desks and high-water marks, on Derby and on PostgreSQL. */
class DesksTest {

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void codeEnrolsOnceAndOnlyOnce(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			String code = store.desks().createCode(Role.DESK, "MKT", Duration.ofHours(1));
			Desk desk = store.desks().enrol(code.toLowerCase(), "desk-1", g -> "ABC123");
			assertEquals("MKT", desk.departmentCode());
			assertEquals(Role.DESK, desk.role());
			assertEquals("desk-1", store.desks().bySerial("abc123").orElseThrow().name(), "serials compare in lower-case hex");
			EnrolRefused again = assertThrows(EnrolRefused.class, () -> store.desks().enrol(code, "desk-2", g -> "DEF"));
			assertTrue(again.getMessage().contains("used already"), again.getMessage());
			assertThrows(EnrolRefused.class, () -> store.desks().enrol("NOPE-NOPE-NOPE", "desk-3", g -> "F00"));
			assertTrue(store.desks().byName("desk-2").isEmpty(), "a refused enrolment enrols nobody");
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void failedCertificateLeavesCodeUnusedAndExpiredCodeIsRefused(String kind) throws Exception {
		Instant now = Instant.parse("2026-12-03T00:00:00Z");
		HubDatabase db = TestDatabases.fresh(kind);
		String code;
		try (HubStore store = HubStore.open(db, Clock.fixed(now, ZoneOffset.UTC))) {
			code = store.desks().createCode(Role.DESK, "CIVIL", Duration.ofHours(1));
			assertThrows(IllegalStateException.class, () -> store.desks().enrol(code, "desk-1", g -> {
				throw new IllegalStateException("the CA is down");
			}));
			assertEquals("desk-1", store.desks().enrol(code, "desk-1", g -> "01").name(), "the code still works after a failed try");
			String late = store.desks().createCode(Role.DESK, "CIVIL", Duration.ofMinutes(1));
			try (HubStore later = reopenAt(store, db, now.plus(Duration.ofMinutes(2)))) {
				EnrolRefused e = assertThrows(EnrolRefused.class, () -> later.desks().enrol(late, "desk-2", g -> "02"));
				assertTrue(e.getMessage().contains("expired"), e.getMessage());
			}
		}
	}

	private static HubStore reopenAt(HubStore open, HubDatabase db, Instant at) {
		open.close();
		return HubStore.open(db, Clock.fixed(at, ZoneOffset.UTC));
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void revokedDeskIsMarkedAndItsNameCanEnrolAgain(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			store.desks().enrol(store.desks().createCode(Role.DESK, "MKT", Duration.ofHours(1)), "desk-1", g -> "0a");
			String second = store.desks().createCode(Role.DESK, "MKT", Duration.ofHours(1));
			assertThrows(EnrolRefused.class, () -> store.desks().enrol(second, "desk-1", g -> "0b"), "the name is taken");
			assertTrue(store.desks().revoke("desk-1"));
			assertTrue(store.desks().bySerial("0a").orElseThrow().revoked());
			assertEquals("0b", store.desks().enrol(second, "desk-1", g -> "0b").certificateSerial());
			assertFalse(store.desks().revoke("nobody"));
		}
	}

	@ParameterizedTest
	@MethodSource("org.miaopi.hub.store.TestDatabases#both")
	void highWaterMarkMovesOnlyFromWhereItIs(String kind) throws Exception {
		try (HubStore store = HubStore.open(TestDatabases.fresh(kind))) {
			assertEquals(0, store.desks().highWater("d"));
			assertTrue(store.desks().advance("d", 0, 10, "h".repeat(64)));
			assertFalse(store.desks().advance("d", 0, 10, "h".repeat(64)), "the same batch again is not applied twice");
			assertFalse(store.desks().advance("d", 12, 20, "h".repeat(64)), "a batch that skips ahead is not applied");
			assertTrue(store.desks().advance("d", 10, 20, "i".repeat(64)));
			assertEquals(20, store.desks().highWater("d"));
		}
	}
}
