package org.miaopi.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.certificate.internal.CertificateLayout;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;

/**
 * Certificates of one matter and department share a template and each carries its own layer: the
 * holder, ID and number of one never show on another, the template revision holds nothing of any
 * holder, and the seal covers the whole file.
 */
class TemplateLayerTest {

	@TempDir
	static Path home;
	static DefaultCertificateService service;

	@BeforeAll
	static void setUp() {
		FileSealService seals = new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC()); //$NON-NLS-1$
		service = new DefaultCertificateService(seals, new FileCertificateRegistry(home.resolve("certificates"), Clock.systemUTC()), Clock.systemUTC()); //$NON-NLS-1$
	}

	private static CertificateRequest request(String holder, String id) {
		LocalDate day = LocalDate.of(2026, 11, 24);
		return new CertificateRequest(holder, id, "食品经营许可证", "Food Business Licence", "MKT", day, day.plusYears(5).minusDays(1), day); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	@Test
	void eachCertificateShowsItsOwnHolderOnTheSharedTemplate() throws Exception {
		CertificateServiceTest.Assumptions.assumeExecutable("/usr/bin/pdftotext"); //$NON-NLS-1$
		Path dir = Files.createDirectories(home.resolve("layers")); //$NON-NLS-1$
		IssuedCertificate a = service.issue(request("深圳市甲乙丙餐饮有限公司", "91440300MA5AAAAA1X"), dir); //$NON-NLS-1$ //$NON-NLS-2$
		IssuedCertificate b = service.issue(request("王喆", "110101199003070011"), dir); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(Arrays.equals(CertificateLayout.template(a.content()), CertificateLayout.template(b.content())), "one template for the matter and department"); //$NON-NLS-1$

		String ta = CertificateServiceTest.run("/usr/bin/pdftotext", a.file().toString(), "-"); //$NON-NLS-1$ //$NON-NLS-2$
		String tb = CertificateServiceTest.run("/usr/bin/pdftotext", b.file().toString(), "-"); //$NON-NLS-1$ //$NON-NLS-2$
		for (String s : new String[] { "深圳市甲乙丙餐饮有限公司", "91440300MA5AAAAA1X", a.content().number(), "食品经营许可证" }) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			assertTrue(ta.contains(s), s + " in\n" + ta); //$NON-NLS-1$
		}
		for (String s : new String[] { "王喆", "110101199003070011", b.content().number(), "食品经营许可证" }) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			assertTrue(tb.contains(s), s + " in\n" + tb); //$NON-NLS-1$
		}
		assertFalse(tb.contains("甲乙丙") || tb.contains(a.content().number()), tb); //$NON-NLS-1$

		// the first revision is the template alone: cut the file after its first %%EOF and read it
		byte[] bytes = Files.readAllBytes(b.file());
		String latin = new String(bytes, StandardCharsets.ISO_8859_1);
		int end = latin.indexOf("%%EOF") + "%%EOF".length(); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(end < bytes.length, "a template revision, then the certificate's own revision"); //$NON-NLS-1$
		Path first = dir.resolve("first-revision.pdf"); //$NON-NLS-1$
		Files.write(first, Arrays.copyOf(bytes, end));
		String template = CertificateServiceTest.run("/usr/bin/pdftotext", first.toString(), "-"); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(template.contains("食品经营许可证") && template.contains("发证机关"), template); //$NON-NLS-1$ //$NON-NLS-2$
		assertFalse(template.contains("王喆") || template.contains("110101199003070011") || template.contains(b.content().number()), template); //$NON-NLS-1$ //$NON-NLS-2$

		// and the seal covers everything after it too
		assertTrue(service.verify(b.file()).ok(), service.verify(b.file()).summary());
		assertEquals(latin.lastIndexOf("%%EOF") + 5, latin.stripTrailing().length(), "nothing after the sealed revision"); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
