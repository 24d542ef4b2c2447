package org.miaopi.certificate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.certificate.internal.CjkFonts;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;

/** The reduced CJK font serves common text; a rare character falls back to the full font and still prints. */
class ReducedFontTest {

	@TempDir
	Path home;

	@Test
	void commonTextUsesTheReducedFontAndRareCharactersTheFullOne() throws Exception {
		assertTrue(CjkFonts.reducedCovers("深圳市秒批示范餐饮管理有限公司 91440300MA5G8XYZ1K 2026年11月23日，。"));
		// 堃 (U+5803) is not in GB 2312: names like 王堃 must still print
		assertFalse(CjkFonts.reducedCovers("王堃"));

		FileSealService seals = new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		DefaultCertificateService service = new DefaultCertificateService(seals,
				new FileCertificateRegistry(home.resolve("certificates"), Clock.systemUTC()), Clock.systemUTC());
		LocalDate today = LocalDate.now();
		Path out = Files.createDirectories(home.resolve("out"));
		IssuedCertificate rare = service.issue(new CertificateRequest("王堃", "110101199003074258", "食品经营许可证", "Food Business Licence", "MKT",
				today, today.plusYears(1), today), out);
		Verdict v = service.verify(rare.file());
		assertTrue(v.ok(), v.summary());
		if (Files.isExecutable(Path.of("/usr/bin/pdftotext"))) {
			Process p = new ProcessBuilder("/usr/bin/pdftotext", rare.file().toString(), "-").redirectErrorStream(true).start();
			String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			p.waitFor();
			assertTrue(text.contains("王堃"), text);
		}
	}
}
