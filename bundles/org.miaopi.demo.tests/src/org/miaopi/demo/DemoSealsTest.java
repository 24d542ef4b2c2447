package org.miaopi.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.model.Department;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;
import org.miaopi.seal.Seal;

class DemoSealsTest {

	@TempDir
	Path home;

	private FileSealService seals() {
		return new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
	}

	@Test
	void everyDemoDepartmentGetsAUsableSealOnceAndKeepsItAcrossRuns() {
		List<String> codes = DemoCatalog.DEPARTMENTS.stream().map(Department::code).toList();
		assertTrue(seals().departments().stream().noneMatch(codes::contains), "the stock hierarchy lacks the demo departments");

		assertEquals(codes, DemoSeals.ensure(seals(), DemoCatalog.DEPARTMENTS));

		FileSealService reopened = seals(); // a later run reads the keystore written by the first
		for (Department d : DemoCatalog.DEPARTMENTS) {
			Seal s = reopened.seal(d.code()); // throws when missing, expired or revoked
			assertEquals(d.nameZh(), s.departmentName());
		}
		assertEquals(List.of(), DemoSeals.ensure(reopened, DemoCatalog.DEPARTMENTS), "usable seals are kept");
	}

	@Test
	void theSupervisionOfficeGetsASealForItsReports() {
		FileSealService s = seals();
		assertTrue(s.findSeal(DemoCatalog.SUPERVISION_OFFICE.code()).isEmpty(), "no seal before the demo makes one");
		assertTrue(DemoSeals.ensure(s, DemoCatalog.SEALED).contains(DemoCatalog.SUPERVISION_OFFICE.code()));
		assertEquals("深圳市监察局", seals().seal(DemoCatalog.SUPERVISION_OFFICE.code()).departmentName());
	}

	@Test
	void aRevokedDemoSealIsReplaced() {
		FileSealService s = seals();
		DemoSeals.ensure(s, DemoCatalog.DEPARTMENTS);
		Department d = DemoCatalog.DEPARTMENTS.get(0);
		s.revoke(s.seal(d.code()).certificate(), 1, "test");
		assertFalse(s.revokedAt(s.findSeal(d.code()).orElseThrow().certificate()).isEmpty());

		assertEquals(List.of(d.code()), DemoSeals.ensure(s, DemoCatalog.DEPARTMENTS));
		assertTrue(s.seal(d.code()).certificate().getNotAfter().toInstant().isAfter(Instant.now()));
	}
}
