package org.miaopi.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Material;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.AccessDeniedException.Rule;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.StoreException.Problem;

/**
 * A material's bytes and a person's shared records are read under the same department rule as the
 * dossier they belong to: an officer or supervisor of its department, the 秒批 system; never an
 * officer of another department, never an admin, never by a hash or an ID number alone.
 */
class ReadAccessTest extends SeededStoreTest {

	private final byte[] psbPdf = "%PDF-1.4 PSB diploma".getBytes(StandardCharsets.US_ASCII);
	private final byte[] msbPdf = "%PDF-1.4 MSB licence".getBytes(StandardCharsets.US_ASCII);
	private Sha256 psbHash;
	private Sha256 msbHash;
	private String psbSubject;
	private String msbSubject;

	@BeforeEach
	void twoDepartmentsDossiersWithMaterialsAndRecords() {
		psbHash = store.putContent(psbPdf, "application/pdf");
		msbHash = store.putContent(msbPdf, "application/pdf");
		Dossier p = Fixtures.dossier("P1", "PSB", DossierStatus.IN_REVIEW, Fixtures.TODAY, "张伟",
				List.of(Material.file("M1", "DIPLOMA", psbHash, "diploma.pdf", "application/pdf", psbPdf.length)));
		Dossier m = Fixtures.dossier("M1", "MSB", DossierStatus.IN_REVIEW, Fixtures.TODAY, "王芳",
				List.of(Material.file("M1", "LICENCE", msbHash, "licence.pdf", "application/pdf", msbPdf.length)));
		store.putDossiers(List.of(p, m), "test");
		psbSubject = p.applicant().subjectId();
		msbSubject = m.applicant().subjectId();
		store.putSharedRecords(List.of(
				new SharedRecord(SharedSource.EDUCATION, psbSubject, Map.of("degree", "本科"), Instant.parse("2026-01-01T00:00:00Z")),
				new SharedRecord(SharedSource.EDUCATION, msbSubject, Map.of("degree", "硕士"), Instant.parse("2026-01-01T00:00:00Z"))));
	}

	@Test
	void officersAndSupervisorsReadTheirDepartmentsMaterials() {
		assertArrayEquals(psbPdf, store.content(Fixtures.OFFICER, "P1", psbHash));
		assertArrayEquals(psbPdf, store.content(Fixtures.OFFICER2, "P1", psbHash), "not only the holder: the department");
		assertArrayEquals(psbPdf, store.content(Fixtures.SUPERVISOR, "P1", psbHash));
		assertArrayEquals(msbPdf, store.content(Fixtures.OTHER, "M1", msbHash));
		assertArrayEquals(msbPdf, store.content(Officer.SYSTEM, "M1", msbHash));
	}

	@Test
	void anotherDepartmentsMaterialIsRefusedHoweverItIsAskedFor() {
		AccessDeniedException other = assertThrows(AccessDeniedException.class,
				() -> store.content(Fixtures.OFFICER, "M1", msbHash));
		assertEquals(Rule.OTHER_DEPARTMENT, other.rule());
		assertEquals(Rule.OTHER_DEPARTMENT,
				assertThrows(AccessDeniedException.class, () -> store.content(Fixtures.SUPERVISOR, "M1", msbHash)).rule());
		// naming one's own dossier does not open another dossier's file by its hash
		StoreException notHis = assertThrows(StoreException.class, () -> store.content(Fixtures.OFFICER, "P1", msbHash));
		assertEquals(Problem.NOT_FOUND, notHis.problem());
	}

	@Test
	void anAdminReadsNoMaterial() {
		AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> store.content(Fixtures.ADMIN, "P1", psbHash));
		assertEquals(Rule.NO_ROLE, e.rule());
	}

	@Test
	void sharedRecordsAreReadOnlyAboutApplicantsOfOnesDepartment() {
		assertEquals("本科", store.sharedRecords(Fixtures.OFFICER, psbSubject, null).get(0).fields().get("degree"));
		assertEquals(1, store.sharedRecords(Fixtures.SUPERVISOR, psbSubject, SharedSource.EDUCATION).size());
		assertEquals("硕士", store.sharedRecords(Fixtures.OTHER, msbSubject, null).get(0).fields().get("degree"));
		assertEquals(1, store.sharedRecords(Officer.SYSTEM, msbSubject, null).size());

		assertEquals(Rule.OTHER_DEPARTMENT, assertThrows(AccessDeniedException.class,
				() -> store.sharedRecords(Fixtures.OFFICER, msbSubject, null)).rule());
		assertEquals(Rule.OTHER_DEPARTMENT, assertThrows(AccessDeniedException.class,
				() -> store.sharedRecords(Fixtures.SUPERVISOR, msbSubject, SharedSource.EDUCATION)).rule());
		// a person no dossier names is nobody's business
		assertThrows(AccessDeniedException.class,
				() -> store.sharedRecords(Fixtures.OFFICER, Fixtures.residentId(777).value(), null));
		assertEquals(Rule.NO_ROLE, assertThrows(AccessDeniedException.class,
				() -> store.sharedRecords(Fixtures.ADMIN, psbSubject, null)).rule());
	}

	@Test
	void bulkSharedRecordsAreTheEnginesAlone() {
		assertEquals(1, store.sharedRecords(Officer.SYSTEM, List.of(psbSubject)).get(psbSubject).size());
		assertThrows(AccessDeniedException.class, () -> store.sharedRecords(Fixtures.OFFICER, List.of(psbSubject)));
		assertThrows(AccessDeniedException.class, () -> store.sharedRecords(Fixtures.ADMIN, List.of(msbSubject)));
	}
}
