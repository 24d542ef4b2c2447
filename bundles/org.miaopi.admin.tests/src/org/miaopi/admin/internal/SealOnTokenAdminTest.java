package org.miaopi.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.admin.SealAdmin;
import org.miaopi.admin.SealStatus;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;
import org.miaopi.testing.SoftHsm;

/** The admin puts a department's seal key into a PKCS#11 token (SoftHSM2): only the admin, audited, listed after a restart. */
class SealOnTokenAdminTest {

	@TempDir
	Path home;

	private FileSealService seals() {
		return new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
	}

	private static SealStatus of(SealAdmin admin, String code) {
		return admin.seals().stream().filter(s -> s.departmentCode().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void onlyAnAdminMovesASealKeyIntoATokenAndTheLedgerSaysWhere() throws Exception {
		long slot = SoftHsm.slot();
		SealAdminTest.Ledger ledger = new SealAdminTest.Ledger();
		FileSealService seals = seals();
		seals.departments(); // the demo hierarchy
		SealAdmin admin = new SealAdminComponent(seals, ledger, Clock.systemUTC());
		SealStatus before = of(admin, "CIVIL");
		assertFalse(before.onToken());

		assertThrows(AccessDeniedException.class, () -> admin.moveToToken(SealAdminTest.OFFICER, "CIVIL", SoftHsm.LIBRARY, slot, null,
				SoftHsm.PIN.toCharArray()));
		assertThrows(AccessDeniedException.class, () -> admin.moveToToken(null, "CIVIL", SoftHsm.LIBRARY, slot, null, SoftHsm.PIN.toCharArray()));
		assertEquals(List.of(), ledger.events);
		assertFalse(Files.exists(home.resolve("seals/tokens")), "a refused move records no token");
		assertFalse(of(admin, "CIVIL").onToken());

		SealStatus moved = admin.moveToToken(SealAdminTest.ADMIN, "CIVIL", SoftHsm.LIBRARY, slot, null, SoftHsm.PIN.toCharArray());
		assertTrue(moved.onToken());
		assertTrue(moved.token().contains(SoftHsm.LIBRARY.toString()) && moved.token().contains("slot " + slot), moved.token());
		assertEquals(1, moved.retired(), "the keystore's certificate is kept");
		assertEquals(List.of("admin " + SealAdmin.ON_TOKEN), ledger.events);
		Map<String, String> d = ledger.details.get(0);
		assertEquals("CIVIL", d.get("department"));
		assertEquals(SoftHsm.LIBRARY.toString(), d.get("module"));
		assertEquals(Long.toString(slot), d.get("slot"));
		assertEquals(before.serial(), d.get("oldSerial"));
		assertEquals(moved.serial(), d.get("newSerial"));
		assertFalse(d.values().contains(SoftHsm.PIN), "no PIN in the ledger");

		// after a restart the listing says where each key lives, asking no PIN
		SealAdmin restarted = new SealAdminComponent(seals(), ledger, Clock.systemUTC());
		assertEquals(moved.token(), of(restarted, "CIVIL").token());
		assertEquals(moved.serial(), of(restarted, "CIVIL").serial());
		assertNull(of(restarted, "MKT").token(), "the other departments stay in the keystore");
		SealStatus.State state = of(restarted, "CIVIL").state();
		assertEquals(SealStatus.State.VALID, state);
		// a rotation would make a keystore key behind the token's back: refused with the way to do it
		RuntimeException rotate = assertThrows(RuntimeException.class, () -> restarted.rotate(SealAdminTest.ADMIN, "CIVIL"));
		assertTrue(rotate.getMessage().contains("seals token CIVIL"), rotate.getMessage());
		assertEquals(1, ledger.events.size());
	}
}
