package org.miaopi.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.miaopi.testing.SoftHsm;
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
		long slot = SoftHsm.slot();
		Path library = SoftHsm.LIBRARY;

		SealException wrongPin = assertThrows(SealException.class, () -> Pkcs11Token.open(library, slot, "0000".toCharArray()));
		assertEquals(SealException.Code.WRONG_PASSWORD, wrongPin.code());

		Pkcs11Token token = Pkcs11Token.open(library, slot, SoftHsm.PIN.toCharArray());
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
