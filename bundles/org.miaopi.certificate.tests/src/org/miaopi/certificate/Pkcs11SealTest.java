package org.miaopi.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;
import org.miaopi.seal.Pkcs11Token;
import org.miaopi.seal.Seal;
import org.miaopi.seal.SealException;

/** The same sealing with the key inside a PKCS#11 token (SoftHSM2) through SunPKCS11. */
class Pkcs11SealTest {

	@Test
	void sealKeyInASoftHsm2TokenSignsAVerifiableCertificate(@TempDir Path dir) throws Exception {
		Path util = Path.of("/usr/bin/softhsm2-util");
		Path library = Path.of(Pkcs11Token.SOFTHSM2);
		Assumptions.assumeTrue(Files.isExecutable(util) && Files.isReadable(library),
				"SoftHSM2 is not installed (Debian softhsm2); skipping the PKCS#11 test");
		String conf = System.getenv("SOFTHSM2_CONF");
		Assumptions.assumeTrue(conf != null, "SOFTHSM2_CONF is not set for this test runtime; skipping the PKCS#11 test");
		Path tokens = Files.createDirectories(dir.resolve("tokens"));
		Files.createDirectories(Path.of(conf).getParent());
		Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");

		Process init = new ProcessBuilder(util.toString(), "--init-token", "--free", "--label", "miaopi-test", "--pin", "1234", "--so-pin",
				"5678").redirectErrorStream(true).start();
		String said = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, init.waitFor(), said);
		Matcher m = Pattern.compile("slot (\\d+)").matcher(said);
		assertTrue(m.find(), said);
		long slot = Long.parseLong(m.group(1));

		SealException wrongPin = assertThrows(SealException.class, () -> Pkcs11Token.open(library, slot, "0000".toCharArray()));
		assertEquals(SealException.Code.WRONG_PASSWORD, wrongPin.code());

		Pkcs11Token token = Pkcs11Token.open(library, slot, "1234".toCharArray());
		FileSealService seals = new FileSealService(dir.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		Seal seal = token.createSeal(seals, "HSM", "秒批示范区数据资源管理局");
		assertEquals(token.providerName(), seal.provider());
		assertNull(seal.key().getEncoded(), "the private key stays inside the token");
		seals.useTokenSeal(seal);

		DefaultCertificateService service = new DefaultCertificateService(seals,
				new FileCertificateRegistry(dir.resolve("register"), Clock.systemUTC()), Clock.systemUTC());
		IssuedCertificate issued = service.issue(CertificateServiceTest.request("HSM"), Files.createDirectories(dir.resolve("out")));
		Verdict v = service.verify(issued.file());
		assertTrue(v.ok(), v.summary());
		assertTrue(v.summary().contains("秒批示范区数据资源管理局"), v.summary());
	}
}
