package org.miaopi.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.admin.SealAdmin;
import org.miaopi.admin.SealStatus;
import org.miaopi.certificate.CertificateRequest;
import org.miaopi.certificate.DefaultCertificateService;
import org.miaopi.certificate.FileCertificateRegistry;
import org.miaopi.certificate.IssuedCertificate;
import org.miaopi.certificate.Verdict;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.AdminLedger;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;
import org.miaopi.seal.SealException;

/** Seal keys as the admin manages them: validity and warnings, rotation that keeps old certificates verifiable, revocation. */
class SealAdminTest {

	static final Officer ADMIN = new Officer("admin", "管理员", "MKT", EnumSet.of(Role.ADMIN));
	static final Officer OFFICER = new Officer("li.na", "李娜", "MKT", EnumSet.of(Role.OFFICER));

	/** The store's ledger entry, as far as these tests need it: the admin role, and what was recorded. */
	static final class Ledger implements AdminLedger {
		final List<String> events = new ArrayList<>();
		final List<Map<String, String>> details = new ArrayList<>();

		@Override
		public void record(Officer admin, String type, Map<String, String> d) {
			if (!admin.hasRole(Role.ADMIN)) {
				throw new AccessDeniedException(AccessDeniedException.Rule.NO_ROLE, "not an admin");
			}
			events.add(admin.id() + " " + type);
			details.add(d);
		}
	}

	@TempDir
	Path home;
	FileSealService seals;
	Ledger ledger = new Ledger();
	SealAdmin admin;

	@BeforeEach
	void setUp() {
		seals = new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		admin = new SealAdminComponent(seals, ledger, Clock.systemUTC());
	}

	private SealStatus status(String code) {
		return admin.seals().stream().filter(s -> s.departmentCode().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void aDeskWithoutSealsListsNoneAndCreatesNone() {
		assertEquals(List.of(), admin.seals());
		assertEquals(List.of(), admin.warnings());
		assertTrue(!Files.exists(home.resolve("seals")) || !Files.exists(home.resolve("seals").resolve("keystore.p12")),
				"listing the seals created a keystore");
	}

	@Test
	void aSealThatExpiresWithinThirtyDaysIsWarnedOf() {
		seals.departments(); // the demo hierarchy: three years each
		Instant now = Instant.now();
		seals.issueSeal("HRSS", "秒批示范区人力资源和社会保障局", now.minus(Duration.ofDays(700)), now.plus(Duration.ofDays(20)));
		seals.issueSeal("CIVIL", "秒批示范区民政局", now.minus(Duration.ofDays(700)), now.plus(Duration.ofDays(31)));
		assertEquals(SealStatus.State.VALID, status("MKT").state());
		assertEquals(SealStatus.State.VALID, status("CIVIL").state(), "31 days left: not yet");
		SealStatus hrss = status("HRSS");
		assertEquals(SealStatus.State.EXPIRING, hrss.state());
		assertEquals(19, hrss.daysLeft(), "whole days left");
		List<String> warnings = admin.warnings();
		assertEquals(1, warnings.size(), warnings.toString());
		assertTrue(warnings.get(0).contains("HRSS") && warnings.get(0).contains("expires in 19 days"), warnings.get(0));

		seals.issueSeal("CIVIL", "秒批示范区民政局", now.minus(Duration.ofDays(700)), now.minus(Duration.ofDays(1)));
		assertEquals(SealStatus.State.EXPIRED, status("CIVIL").state());
		assertEquals(2, admin.warnings().size());
	}

	@Test
	void aCertificateSealedBeforeARotationStillVerifiesAfterIt() throws Exception {
		DefaultCertificateService certificates = new DefaultCertificateService(seals,
				new FileCertificateRegistry(home.resolve("certificates"), Clock.systemUTC()), Clock.systemUTC());
		Path out = Files.createDirectories(home.resolve("out"));
		IssuedCertificate before = certificates.issue(request("MKT"), out);
		String oldSerial = status("MKT").serial();

		SealStatus rotated = admin.rotate(ADMIN, "MKT");
		assertNotEquals(oldSerial, rotated.serial(), "a new certificate");
		assertEquals(1, rotated.retired(), "the old certificate is kept");
		assertEquals(List.of("admin " + SealAdmin.ROTATED), ledger.events);
		assertEquals(oldSerial, ledger.details.get(0).get("oldSerial"));

		Verdict old = certificates.verify(before.file());
		assertTrue(old.ok(), "sealed before the rotation: " + old.summary());
		IssuedCertificate after = certificates.issue(request("MKT"), out);
		assertTrue(certificates.verify(after.file()).ok());
		assertNotEquals(before.content().number(), after.content().number());

		// the keystore on disk keeps both: a desk that starts again still lists the retired certificate
		FileSealService reopened = new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		assertEquals(1, reopened.retiredSeals("MKT").size());
		assertEquals(oldSerial, reopened.retiredSeals("MKT").get(0).getSerialNumber().toString(16));
		assertEquals(rotated.serial(), reopened.seal("MKT").certificate().getSerialNumber().toString(16));
		assertTrue(certificates.verify(before.file()).ok());
	}

	@Test
	void onlyAnAdminRotatesOrRevokes() {
		seals.departments(); // the demo hierarchy
		String serial = status("MKT").serial();
		assertThrows(AccessDeniedException.class, () -> admin.rotate(OFFICER, "MKT"));
		assertThrows(AccessDeniedException.class, () -> admin.revoke(OFFICER, "MKT", "key lost"));
		assertEquals(serial, status("MKT").serial());
		assertEquals(SealStatus.State.VALID, status("MKT").state());
		assertEquals(List.of(), ledger.events);
		assertThrows(SealException.class, () -> admin.rotate(ADMIN, "NOPE"));
	}

	@Test
	void aRevokedSealSealsNothingUntilRotated() {
		assertThrows(IllegalArgumentException.class, () -> admin.revoke(ADMIN, "MKT", " "));
		SealStatus revoked = admin.revoke(ADMIN, "MKT", "the seal PC was stolen");
		assertEquals(SealStatus.State.REVOKED, revoked.state());
		assertEquals("the seal PC was stolen", ledger.details.get(0).get("reason"));
		admin.revoke(ADMIN, "MKT", "again");
		assertEquals(1, ledger.events.size(), "a second click records nothing");
		SealException e = assertThrows(SealException.class, () -> seals.seal("MKT"));
		assertEquals(SealException.Code.SEAL_REVOKED, e.code());
		assertTrue(admin.warnings().stream().anyMatch(w -> w.contains("MKT") && w.contains("revoked")));

		admin.rotate(ADMIN, "MKT");
		assertEquals(SealStatus.State.VALID, status("MKT").state());
		seals.seal("MKT");
	}

	static CertificateRequest request(String department) {
		LocalDate today = LocalDate.now();
		return new CertificateRequest("深圳市秒批示范餐饮管理有限公司", "91440300MA5G8XYZ1K", "食品经营许可证", "Food Business Licence", department,
				today, today.plusYears(5).minusDays(1), today);
	}
}
