package org.miaopi.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.service.SecretPrompt;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;
import org.miaopi.seal.Seal;
import org.miaopi.seal.SealException;
import org.miaopi.seal.SealToken;
import org.miaopi.testing.SoftHsm;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.SignatureUtil;

/**
 * A department's seal key put into a PKCS#11 token (SoftHSM2) stays there across a restart: a new
 * {@link FileSealService} on the same directory seals with the token's key after asking its PIN
 * once, and never with another key when the token cannot be used.
 */
class Pkcs11SealRestartTest {

	@TempDir
	Path home;
	long slot;
	String keystoreSerial;
	X509Certificate tokenCertificate;

	/** Answers PINs from a script (an empty or missing answer is a cancel) and notes each complaint it was shown. */
	static final class Pins implements SecretPrompt {
		final Deque<String> answers;
		final List<String> problems = new ArrayList<>();
		final List<String> wheres = new ArrayList<>();

		Pins(String... answers) {
			this.answers = new ArrayDeque<>(List.of(answers));
		}

		@Override
		public Optional<char[]> ask(Secret what, String where, String problem) {
			assertEquals(Secret.SEAL_TOKEN_PIN, what);
			wheres.add(where);
			problems.add(problem);
			String next = answers.poll();
			return next == null || next.isEmpty() ? Optional.empty() : Optional.of(next.toCharArray());
		}
	}

	@BeforeEach
	void putTheSealOfMktIntoTheToken() throws Exception {
		slot = SoftHsm.slot();
		FileSealService before = seals();
		keystoreSerial = before.seal("MKT").certificate().getSerialNumber().toString(16);
		Seal onToken = before.moveToToken("MKT", SoftHsm.LIBRARY, slot, null, SoftHsm.PIN.toCharArray());
		assertNull(onToken.key().getEncoded(), "the private key stays inside the token");
		tokenCertificate = onToken.certificate();
		assertNotEquals(keystoreSerial, tokenCertificate.getSerialNumber().toString(16));
	}

	private FileSealService seals() {
		return new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
	}

	private DefaultCertificateService certificates(FileSealService seals) {
		return new DefaultCertificateService(seals, new FileCertificateRegistry(home.resolve("register"), Clock.systemUTC()),
				Clock.systemUTC());
	}

	private Path tokenFile() {
		return home.resolve("seals/tokens/mkt.token");
	}

	@Test
	void afterARestartTheDeskSealsWithTheTokensKeyOnceThePinIsGiven() throws Exception {
		Properties recorded = new Properties();
		try (var in = Files.newInputStream(tokenFile())) {
			recorded.load(in);
		}
		assertFalse(recorded.toString().contains(SoftHsm.PIN + ","), "no PIN in the record");
		assertEquals(List.of("alias", "chain", "department", "module", "name", "slot"), recorded.stringPropertyNames().stream().sorted().toList());

		FileSealService restarted = seals(); // a new process: nothing in memory
		Pins pins = new Pins("0000", SoftHsm.PIN);
		restarted.setPrompt(pins);
		SealToken where = restarted.token("MKT").orElseThrow();
		assertEquals(SoftHsm.LIBRARY, where.module());
		assertEquals(slot, where.slot());
		assertEquals(1, restarted.retiredSeals("MKT").size(), "the keystore's certificate is kept for what it sealed");
		assertNull(restarted.findSeal("MKT").orElseThrow().key(), "listing opens no token");
		assertEquals(List.of(), pins.problems, "and asks no PIN");

		DefaultCertificateService service = certificates(restarted);
		Path out = Files.createDirectories(home.resolve("out"));
		IssuedCertificate first = service.issue(CertificateServiceTest.request("MKT"), out);
		assertEquals(2, pins.problems.size(), "asked again after the wrong PIN");
		assertNull(pins.problems.get(0));
		assertEquals("wrong PIN", pins.problems.get(1));
		assertTrue(pins.wheres.get(0).contains("MKT") && pins.wheres.get(0).contains("slot " + slot), pins.wheres.get(0));

		Verdict v = service.verify(first.file());
		assertTrue(v.ok(), v.summary());
		assertArrayEquals(tokenCertificate.getEncoded(), signer(Files.readAllBytes(first.file())).getEncoded(),
				"sealed by the token's key");

		service.issue(CertificateServiceTest.request("MKT"), out);
		assertEquals(2, pins.problems.size(), "the PIN is asked once a session");
	}

	@Test
	void threeWrongPinsOrNoneSealNothing() throws Exception {
		FileSealService restarted = seals();
		restarted.setPrompt(new Pins("0000", "1111", "2222", SoftHsm.PIN));
		DefaultCertificateService service = certificates(restarted);
		Path out = Files.createDirectories(home.resolve("out"));
		SealException wrong = assertThrows(SealException.class, () -> service.issue(CertificateServiceTest.request("MKT"), out));
		assertEquals(SealException.Code.WRONG_PASSWORD, wrong.code());
		assertTrue(wrong.getMessage().contains("refused the PIN 3 times") && wrong.getMessage().contains("slot " + slot),
				wrong.getMessage());

		restarted.setPrompt(new Pins(""));
		SealException none = assertThrows(SealException.class, () -> service.issue(CertificateServiceTest.request("MKT"), out));
		assertEquals(SealException.Code.PASSWORD_NEEDED, none.code());
		assertTrue(none.getMessage().contains("MIAOPI_TOKEN_PIN"), none.getMessage());
		assertNoCertificate(out);
	}

	@Test
	void anAbsentTokenOrModuleIsAClearErrorAndNothingIsSealedWithAnotherKey() throws Exception {
		String record = Files.readString(tokenFile());
		Files.writeString(tokenFile(), record.replace("slot=" + slot, "slot=987654321"));
		FileSealService restarted = seals();
		Pins pins = new Pins(SoftHsm.PIN);
		restarted.setPrompt(pins);
		Path out = Files.createDirectories(home.resolve("out"));
		SealException absent = assertThrows(SealException.class, () -> certificates(restarted).issue(CertificateServiceTest.request("MKT"), out));
		assertTrue(absent.getMessage().contains("slot 987654321 of " + SoftHsm.LIBRARY) && absent.getMessage().contains("plug the token in")
				&& absent.getMessage().contains("Nothing was sealed"), absent.getMessage());
		assertNoCertificate(out);

		Files.writeString(tokenFile(), record.replace("module=" + SoftHsm.LIBRARY, "module=/nowhere/libtoken.so"));
		FileSealService noModule = seals();
		noModule.setPrompt(new Pins(SoftHsm.PIN));
		SealException missing = assertThrows(SealException.class, () -> certificates(noModule).issue(CertificateServiceTest.request("MKT"), out));
		assertTrue(missing.getMessage().contains("/nowhere/libtoken.so") && missing.getMessage().contains("no such module"),
				missing.getMessage());
		assertNoCertificate(out);
		// and the keystore seal of before does not come back: rotating would move the seal off the token unseen
		assertThrows(SealException.class, () -> noModule.rotate("MKT"));
		assertThrows(SealException.class, () -> noModule.ensureSeal("MKT", "x"));
	}

	@Test
	void anExistingKeyOnTheTokenIsCertifiedAndUsedByItsAlias() throws Exception {
		FileSealService seals = seals();
		// the key the admin made before (e.g. with the token's own tools): here the one MKT's set-up made
		Seal civil = seals.moveToToken("CIVIL", SoftHsm.LIBRARY, slot, "seal-mkt", SoftHsm.PIN.toCharArray());
		assertEquals("seal-mkt", seals.token("CIVIL").orElseThrow().alias());
		assertArrayEquals(tokenCertificate.getPublicKey().getEncoded(), civil.certificate().getPublicKey().getEncoded());
		assertEquals(seals.root().getSubjectX500Principal(), civil.certificate().getIssuerX500Principal(), "certified by the desk's root");
		assertEquals("CIVIL", civil.departmentCode());
		assertThrows(SealException.class, () -> seals.moveToToken("HRSS", SoftHsm.LIBRARY, slot, "no-such-key", SoftHsm.PIN.toCharArray()));
		assertTrue(seals.token("HRSS").isEmpty(), "a failed set-up records nothing");
	}

	private static void assertNoCertificate(Path out) throws Exception {
		try (var files = Files.list(out)) {
			assertEquals(List.of(), files.toList(), "no certificate was issued");
		}
	}

	/** The certificate of the seal's signature (not a timestamp's) in a sealed PDF. */
	static X509Certificate signer(byte[] pdf) throws Exception {
		try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
			SignatureUtil util = new SignatureUtil(doc);
			for (String name : util.getSignatureNames()) {
				var data = util.readSignatureData(name);
				if (!data.isTsp()) {
					return data.getSigningCertificate();
				}
			}
		}
		throw new AssertionError("no seal signature");
	}
}
