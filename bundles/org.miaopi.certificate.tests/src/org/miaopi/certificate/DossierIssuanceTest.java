package org.miaopi.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.certificate.internal.CertificateLayout;
import org.miaopi.certificate.internal.CertificateVerifier;
import org.miaopi.certificate.internal.InProcessTsaClient;
import org.miaopi.certificate.internal.PdfSealer;
import org.miaopi.core.id.UnifiedSocialCreditCode;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.LegalPerson;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.CertificateLog;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;

/** The workbench's entry point: a dossier in, a sealed, recorded and verified certificate out. */
class DossierIssuanceTest {

	@TempDir
	static Path home;
	static FileSealService seals;
	static FileCertificateRegistry registry;
	static DefaultCertificateService service;
	static final MemoryLog log = new MemoryLog();
	static final Officer OFFICER = new Officer("li.na", "李娜", "MKT", EnumSet.of(Role.OFFICER));

	@BeforeAll
	static void setUp() {
		seals = new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		registry = new FileCertificateRegistry(home.resolve("certificates"), Clock.systemUTC());
		service = new DefaultCertificateService(seals, registry, Clock.systemUTC());
		service.setCertificateLog(log);
	}

	static Dossier dossier(String number, DossierStatus status) {
		String first17 = "91440300MA5G8XY01";
		LegalPerson holder = new LegalPerson(UnifiedSocialCreditCode.parse(first17 + UnifiedSocialCreditCode.checkCharacter(first17)),
				"深圳市秒批示范餐饮管理有限公司", "王小明");
		return new Dossier(number, "food-business", null, holder, Map.of(), List.of(), Instant.now(), LocalDate.now().plusDays(20), status,
				"li.na", "MKT");
	}

	@Test
	void approvedDossierGetsASealedRecordedAndVerifiedCertificate() throws Exception {
		List<String> steps = new ArrayList<>();
		DossierCertificate c = service.issue(OFFICER, dossier("SZ-2026-000001", DossierStatus.APPROVED), "食品经营许可证", "Food Business Licence",
				Files.createDirectories(home.resolve("ok")), (step, of, en, zh) -> steps.add(step + "/" + of + " " + zh));
		assertEquals(4, steps.size(), steps.toString());
		assertTrue(Files.isRegularFile(c.file()));
		assertTrue(c.verdict().ok(), c.verdict().summary());
		CertificateRecord r = log.records.get(c.number());
		assertEquals("SZ-2026-000001", r.dossierNo());
		assertEquals(c.sha256(), r.documentSha256().hex());
		assertEquals(LocalDate.now(org.miaopi.core.calendar.ChinaTime.ZONE).plusYears(5).minusDays(1), r.validTo());
		assertTrue(c.verdict().summaryZh().contains("结论：有效"), c.verdict().summaryZh());
		assertTrue(c.verdict().check(CertificateVerifier.INTACT).zh().startsWith("签名完好：签名与所签内容和签章密钥相符"));

		service.revoke(OFFICER, c.number(), "持证人申请注销");
		assertTrue(log.records.get(c.number()).revoked());
		Verdict after = service.verify(c.file());
		assertFalse(after.check(CertificateVerifier.REGISTER).ok(), after.summary());
	}

	@Test
	void dossierNotApprovedOrOtherDepartmentUsesNoNumber() throws Exception {
		int before = registry.entries().size();
		Path out = Files.createDirectories(home.resolve("refused"));
		CertificateException e = assertThrows(CertificateException.class, () -> service.issue(OFFICER,
				dossier("SZ-2026-000002", DossierStatus.IN_REVIEW), "食品经营许可证", "", out, null));
		assertEquals(CertificateException.Code.NOT_APPROVED, e.code());
		Officer other = new Officer("chen.jie", "陈杰", "HRSS", EnumSet.of(Role.OFFICER));
		e = assertThrows(CertificateException.class, () -> service.issue(other, dossier("SZ-2026-000003", DossierStatus.APPROVED),
				"食品经营许可证", "", out, null));
		assertEquals(CertificateException.Code.NOT_ALLOWED, e.code());
		assertEquals(before, registry.entries().size());
	}

	@Test
	void storeRefusalLeavesNoFileAndVoidsTheNumber() throws Exception {
		Path out = Files.createDirectories(home.resolve("store-refuses"));
		log.refuse = true;
		try {
			CertificateException e = assertThrows(CertificateException.class, () -> service.issue(OFFICER,
					dossier("SZ-2026-000004", DossierStatus.APPROVED), "食品经营许可证", "", out, null));
			assertEquals(CertificateException.Code.REGISTRY_FAILED, e.code());
		} finally {
			log.refuse = false;
		}
		try (Stream<Path> files = Files.list(out)) {
			assertEquals(List.of(), files.toList());
		}
		assertTrue(registry.entries().stream().anyMatch(x -> x.status() == CertificateRegistry.Status.VOID && x.note().contains("store refused")));
	}

	@Test
	void documentWithoutDssIsOnlyBTAndTheVerifierSaysSo() throws Exception {
		CertificateContent content = new CertificateContent("MKT-2026-77777777", CertificateServiceTest.request("MKT"), "秒批示范区市场监督管理局");
		byte[] pdf = CertificateLayout.render(content);
		byte[] sealed = PdfSealer.seal(pdf, seals.seal("MKT"), new InProcessTsaClient(seals.timestampAuthority()), null, null, Instant.now(),
				CertificateLayout.SEAL_RECT);
		Verdict v = service.verify(sealed);
		assertTrue(v.check(CertificateVerifier.INTACT).ok(), v.summary());
		assertFalse(v.check(CertificateVerifier.LONG_TERM).ok(), v.summary());
		assertTrue(v.check(CertificateVerifier.LONG_TERM).words().contains("not B-LT"), v.summary());
	}

	/** The store's certificate log, in memory; it can be told to refuse. */
	static class MemoryLog implements CertificateLog {
		final Map<String, CertificateRecord> records = new ConcurrentHashMap<>();
		volatile boolean refuse;

		@Override
		public void issued(Officer actor, CertificateRecord record) {
			if (refuse) {
				throw new IllegalArgumentException("dossier " + record.dossierNo() + " does not match");
			}
			records.put(record.number(), record);
		}

		@Override
		public void revoked(Officer actor, String number, String reason) {
			records.put(number, records.get(number).revoke(reason));
		}

		@Override
		public Optional<CertificateRecord> certificate(String number) {
			return Optional.ofNullable(records.get(number));
		}
	}
}
