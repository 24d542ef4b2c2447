package org.miaopi.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.certificate.internal.CertificateVerifier;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.CertificateLog;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;

/**
 * A crash between the file register's ISSUED and the store's commit, simulated by a store that
 * dies (an Error, which no catch in issuance handles, as a killed process runs no handler), then a
 * restart: reconciliation voids the certificate, deletes its file, and the dossier gets a new number.
 */
class CrashReconciliationTest {

	@TempDir
	Path home;
	static final Officer OFFICER = new Officer("li.na", "李娜", "MKT", EnumSet.of(Role.OFFICER));

	/** What a killed process looks like to the code after the point of the kill. */
	static final class Crash extends Error {
		private static final long serialVersionUID = 1L;
	}

	static final class CrashingLog extends DossierIssuanceTest.MemoryLog {
		/** crash before the commit / commit then report a failure */
		volatile boolean crashBeforeCommit;
		volatile boolean failAfterCommit;

		@Override
		public void issued(Officer actor, CertificateRecord record) {
			if (crashBeforeCommit) {
				throw new Crash();
			}
			super.issued(actor, record);
			if (failAfterCommit) {
				throw new IllegalStateException("connection lost after the commit");
			}
		}
	}

	private DefaultCertificateService service(CertificateLog log) {
		// a fresh service and register over the same files: what a restarted desk opens
		DefaultCertificateService s = new DefaultCertificateService(
				new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC()),
				new FileCertificateRegistry(home.resolve("certificates"), Clock.systemUTC()), Clock.systemUTC());
		s.setCertificateLog(log);
		return s;
	}

	@Test
	void certificateTheStoreNeverRecordedIsVoidedAndTheDossierIssuedAgain() throws Exception {
		CrashingLog store = new CrashingLog();
		Path out = Files.createDirectories(home.resolve("out"));
		DefaultCertificateService before = service(store);
		store.crashBeforeCommit = true;
		assertThrows(Crash.class, () -> before.issue(OFFICER, DossierIssuanceTest.dossier("SZ-2026-000101", DossierStatus.APPROVED), "食品经营许可证",
				"Food Business Licence", out, null));
		List<CertificateRegistry.Entry> issued = before.registry().entries();
		assertEquals(1, issued.size());
		String lost = issued.get(0).number();
		assertEquals(CertificateRegistry.Status.ISSUED, issued.get(0).status(), "the crash left the register saying ISSUED");
		assertTrue(Files.exists(out.resolve(lost + ".pdf")));
		assertTrue(store.certificate(lost).isEmpty());

		// restart: reconciliation runs before the first issuance and fixes the number for good
		store.crashBeforeCommit = false;
		DefaultCertificateService after = service(store);
		List<String> done = after.reconcile();
		assertEquals(1, done.size(), done.toString());
		assertTrue(done.get(0).startsWith(lost) && done.get(0).contains("voided") && done.get(0).contains("file deleted"), done.get(0));
		assertEquals(CertificateRegistry.Status.VOID, after.registry().lookup(lost).orElseThrow().status());
		assertFalse(Files.exists(out.resolve(lost + ".pdf")), "the unrecorded file is gone");
		assertEquals(List.of(), after.reconcile(), "a second run finds nothing to do");

		DossierCertificate again = after.issue(OFFICER, DossierIssuanceTest.dossier("SZ-2026-000101", DossierStatus.APPROVED), "食品经营许可证",
				"Food Business Licence", out, null);
		assertNotEquals(lost, again.number(), "a number is never given twice");
		assertTrue(again.verdict().ok(), again.verdict().summary());
		assertTrue(store.certificate(again.number()).isPresent());
		assertEquals(List.of(), after.reconcile());
	}

	@Test
	void storeRecordOfAVoidedNumberIsRevokedThere() throws Exception {
		CrashingLog store = new CrashingLog();
		Path out = Files.createDirectories(home.resolve("out2"));
		DefaultCertificateService service = service(store);
		store.failAfterCommit = true;
		CertificateException e = assertThrows(CertificateException.class, () -> service.issue(OFFICER,
				DossierIssuanceTest.dossier("SZ-2026-000102", DossierStatus.APPROVED), "食品经营许可证", "Food Business Licence", out, null));
		assertEquals(CertificateException.Code.REGISTRY_FAILED, e.code());
		String number = store.records.keySet().iterator().next();
		assertEquals(CertificateRegistry.Status.VOID, service.registry().lookup(number).orElseThrow().status());
		assertFalse(store.certificate(number).orElseThrow().revoked());

		store.failAfterCommit = false;
		List<String> done = service(store).reconcile();
		assertEquals(1, done.size(), done.toString());
		assertTrue(store.certificate(number).orElseThrow().revoked(), "both now say the certificate is not valid");
		assertEquals(Reconciliation.REVOKED, store.certificate(number).orElseThrow().revocationReason());
	}

	@Test
	void certificatesWithoutADossierAreLeftAlone() throws Exception {
		CrashingLog store = new CrashingLog();
		DefaultCertificateService service = service(store);
		IssuedCertificate demo = service.issue(new CertificateRequest("深圳市秒批示范餐饮管理有限公司", "91440300MA5G8XYZ1K", "食品经营许可证",
				"Food Business Licence", "MKT", java.time.LocalDate.now(), java.time.LocalDate.now().plusYears(1), java.time.LocalDate.now()),
				Files.createDirectories(home.resolve("demo")));
		assertEquals(List.of(), service.reconcile());
		assertTrue(Files.exists(demo.file()));
		assertTrue(service.verify(demo.file()).check(CertificateVerifier.REGISTER).ok());
	}
}
