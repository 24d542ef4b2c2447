package org.miaopi.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.miaopi.testing.SoftHsm;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.audit.LedgerRecords;
import org.miaopi.core.audit.SignatureVerifier;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.SecretPrompt;
import org.miaopi.seal.CachingSignatureVerifier;
import org.miaopi.seal.FileOfficerKeys;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;

/** An officer's decision key inside a PKCS#11 token (SoftHSM2): made there, opened by the PIN asked at sign-in, never by the password. */
class Pkcs11OfficerKeyTest {

	private static final Officer WANG_QIANG = new Officer("wang.qiang", "王强", "PSB", EnumSet.of(Role.OFFICER));

	@TempDir
	Path home;

	/** Answers PINs from a script (an empty answer is a cancel) and notes each complaint it was shown. */
	static final class Pins implements SecretPrompt {
		final Deque<String> answers;
		final List<String> problems = new ArrayList<>();

		Pins(String... answers) {
			this.answers = new ArrayDeque<>(List.of(answers));
		}

		@Override
		public Optional<char[]> ask(Secret what, String where, String problem) {
			assertEquals(Secret.TOKEN_PIN, what);
			assertTrue(where.startsWith("wang.qiang"), where);
			problems.add(problem);
			String next = answers.poll();
			return next == null || next.isEmpty() ? Optional.empty() : Optional.of(next.toCharArray());
		}
	}

	@Test
	void aKeyMovedOntoTheTokenSignsVerifiableDecisionsAfterThePinIsTyped() throws Exception {
		long slot = SoftHsm.slot();
		FileSealService seals = new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		FileOfficerKeys keys = new FileOfficerKeys(seals, home.resolve("officers"));
		keys.issue(WANG_QIANG, "password-1234".toCharArray()); // the password-protected key he had before

		String serial = keys.useToken(WANG_QIANG, SoftHsm.LIBRARY, slot, SoftHsm.PIN.toCharArray());
		assertFalse(serial.isEmpty());
		Path token = home.resolve("officers/wang.qiang.token");
		assertTrue(Files.isRegularFile(token));
		java.util.Properties where = new java.util.Properties();
		try (var in = Files.newInputStream(token)) {
			where.load(in);
		}
		assertEquals(java.util.Set.of("module", "slot"), where.stringPropertyNames(), "where the key is, and no secret");
		assertFalse(Files.exists(home.resolve("officers/wang.qiang.p12")), "the old key is no longer used");
		assertTrue(Files.exists(home.resolve("officers/wang.qiang.p12.retired")), "but kept");

		// the sign-in password opens nothing now: without anyone to ask, he signs in but cannot decide
		assertTrue(keys.unlock(WANG_QIANG, "password-1234".toCharArray()).isEmpty());

		Pins pins = new Pins("0000", SoftHsm.PIN);
		keys.setPrompt(pins);
		DecisionSigner signer = keys.unlock(WANG_QIANG, "password-1234".toCharArray()).orElseThrow();
		assertEquals(2, pins.problems.size(), "asked again after the wrong PIN");
		assertNull(pins.problems.get(0));
		assertEquals("wrong PIN", pins.problems.get(1));
		assertEquals("SHA256withECDSA", signer.algorithm());

		Decision d = new Decision("D7", DecisionKind.APPROVE, List.of(), "《户口登记条例》第十条", "wang.qiang",
				Instant.now().truncatedTo(ChronoUnit.MILLIS), false, "材料齐全", null, null, null);
		byte[] signature = signer.sign(LedgerRecords.decision(9, d));
		SignatureVerifier.Check ok = new CachingSignatureVerifier(seals).verify(signer.algorithm(), LedgerRecords.decision(9, d),
				signature, signer.certificate(), "wang.qiang", d.time().toEpochMilli());
		assertTrue(ok.valid(), ok.why());
		assertEquals(serial, ((java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
				.generateCertificate(new java.io.ByteArrayInputStream(signer.certificate()))).getSerialNumber().toString(16));

		// a cancel at the PIN leaves him without a signing key, as a wrong password did before
		keys.setPrompt(new Pins(""));
		assertTrue(keys.unlock(WANG_QIANG, "password-1234".toCharArray()).isEmpty());
	}
}
