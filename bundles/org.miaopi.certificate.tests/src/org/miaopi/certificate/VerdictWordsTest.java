package org.miaopi.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.certificate.internal.CertificateVerifier;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.CertificateLog;
import org.miaopi.core.service.StoreException;
import org.miaopi.core.service.StoreException.Problem;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;

import com.itextpdf.kernel.pdf.EncryptionConstants;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;

/**
 * What {@code ./miaopi verify} tells a reader about a file that is not a certificate as issued,
 * in English and Chinese, with no exception in sight; and that a genuine certificate stays valid
 * while the desk's store cannot be read (another Miaopi has it open).
 */
class VerdictWordsTest {

	@TempDir
	static Path home;
	static FileSealService seals;
	static DefaultCertificateService service;
	static IssuedCertificate issued;
	static byte[] good;

	@BeforeAll
	static void issue() throws Exception {
		seals = new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		service = new DefaultCertificateService(seals, new FileCertificateRegistry(home.resolve("certificates"), Clock.systemUTC()),
				Clock.systemUTC());
		issued = service.issue(CertificateServiceTest.request("MKT"), Files.createDirectories(home.resolve("out")));
		good = Files.readAllBytes(issued.file());
	}

	/** Neither summary names an exception or a Java class, whatever the file. */
	private static void inWords(Verdict v) {
		for (String text : List.of(v.summary(), v.summaryZh())) {
			assertFalse(text.contains("Exception") || text.contains("com.itextpdf") || text.contains("PdfNull"), text);
		}
	}

	private static Verdict verify(String name, byte[] bytes) throws Exception {
		Verdict v = service.verify(Files.write(home.resolve(name), bytes));
		inWords(v);
		return v;
	}

	@Test
	void bytesAppendedAfterTheSealedFileAreSaidSoAndTheSealedPartIsChecked() throws Exception {
		byte[] footer = "\r\n-- scanned by the mail gateway --\r\n".getBytes(StandardCharsets.US_ASCII);
		byte[] appended = java.util.Arrays.copyOf(good, good.length + footer.length);
		System.arraycopy(footer, 0, appended, good.length, footer.length);
		Verdict v = verify("appended.pdf", appended);
		assertFalse(v.ok(), "not exactly as sealed: " + v.summary());
		Verdict.Check file = v.check(CertificateVerifier.FILE);
		assertFalse(file.ok());
		assertTrue(file.words().contains("other data follow the end of the sealed file"), v.summary());
		assertFalse(file.words().contains("truncated"), v.summary());
		assertTrue(file.zh().contains("其后多出") && file.zh().contains("其他数据"), v.summaryZh());
		assertTrue(v.check(CertificateVerifier.INTACT).ok(), "the sealed part itself is intact: " + v.summary());
		assertTrue(v.check(CertificateVerifier.REGISTER).ok(), "the sealed part is the registered file: " + v.summary());

		// cut short inside the seal's revision: still truncated, not "appended"
		int firstEof = new String(good, StandardCharsets.ISO_8859_1).indexOf("%%EOF");
		Verdict cut = verify("cut.pdf", java.util.Arrays.copyOf(good, firstEof + 5 + 100));
		assertTrue(cut.check(CertificateVerifier.FILE).words().contains("truncated"), cut.summary());
		assertTrue(cut.check(CertificateVerifier.FILE).zh().contains("截断"), cut.summaryZh());
	}

	@Test
	void anEncryptedPdfIsSaidToBeEncryptedWhichACertificateNeverIs() throws Exception {
		for (byte[] userPassword : new byte[][] { "open-sesame".getBytes(StandardCharsets.US_ASCII), null }) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			WriterProperties props = new WriterProperties().setStandardEncryption(userPassword, "owner-secret".getBytes(StandardCharsets.US_ASCII),
					EncryptionConstants.ALLOW_PRINTING, EncryptionConstants.ENCRYPTION_AES_256);
			try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(good)), new PdfWriter(out, props))) {
				assertNotNull(pdf.getFirstPage());
			}
			Verdict v = verify("encrypted.pdf", out.toByteArray());
			String what = userPassword == null ? "owner password only" : "user password";
			assertFalse(v.ok(), what + ": " + v.summary());
			assertEquals(1, v.checks().size(), what + ": " + v.summary());
			assertTrue(v.check(CertificateVerifier.FILE).words().contains("encrypted"), what + ": " + v.summary());
			assertTrue(v.check(CertificateVerifier.FILE).words().contains("a Miaopi certificate never is"), v.summary());
			assertTrue(v.check(CertificateVerifier.FILE).zh().contains("已加密"), v.summaryZh());
		}
	}

	@Test
	void aPdfWithDamagedObjectsIsSaidToBeDamaged() throws Exception {
		String text = new String(good, StandardCharsets.ISO_8859_1);
		// the seal's form field dictionary no longer opens ("<<" became "((")
		int dict = text.indexOf("<<", text.lastIndexOf(" obj", text.indexOf("/FT/Sig")));
		byte[] brokenDictionary = good.clone();
		brokenDictionary[dict] = '(';
		brokenDictionary[dict + 1] = '(';
		// the signature's /Contents is no longer a string
		int contents = text.indexOf("/Contents <");
		byte[] brokenContents = good.clone();
		System.arraycopy("/Contents null<".getBytes(StandardCharsets.US_ASCII), 0, brokenContents, contents, 15);
		for (byte[] damaged : List.of(brokenDictionary, brokenContents)) {
			Verdict v = verify("damaged.pdf", damaged);
			assertFalse(v.ok(), v.summary());
			Verdict.Check file = v.check(CertificateVerifier.FILE);
			assertFalse(file.ok(), v.summary());
			assertTrue(file.words().contains("damaged"), v.summary());
			assertFalse(file.words().contains("truncated"), v.summary());
			assertTrue(file.zh().contains("损坏"), v.summaryZh());
		}
	}

	@Test
	void aGenuineCertificateStaysValidWhileTheDesksStoreIsOpenElsewhere() throws Exception {
		CertificateLog locked = new CertificateLog() {
			@Override
			public Optional<CertificateRecord> certificate(String number) {
				throw new StoreException(Problem.LOCKED, "the store at /home/desk/.miaopi/store/db is open in another running Miaopi"
						+ " (workbench or ./miaopi job); close that one and try again");
			}

			@Override
			public void issued(Officer actor, CertificateRecord record) {
				throw new UnsupportedOperationException();
			}

			@Override
			public void revoked(Officer actor, String certificateNumber, String reason) {
				throw new UnsupportedOperationException();
			}
		};
		service.setCertificateLog(locked);
		try {
			Verdict v = service.verify(issued.file());
			inWords(v);
			assertTrue(v.ok(), "every check that could be made holds: " + v.summary());
			assertTrue(v.summary().contains("VERDICT: VALID"), v.summary());
			assertFalse(v.summary().contains("damaged") || v.summary().contains("NOT VALID"), v.summary());
			assertTrue(v.check(CertificateVerifier.FILE).ok() && v.check(CertificateVerifier.REGISTER).ok(), v.summary());
			Verdict.Check store = v.check(CertificateVerifier.STORE_RECORD);
			assertNotNull(store, "a line of its own says what could not be checked: " + v.summary());
			assertFalse(store.made());
			assertTrue(store.en().contains("could not check") && store.words().contains("open in another running Miaopi"), store.en());
			assertTrue(v.summary().contains("[--]"), v.summary());
			assertTrue(store.zh().contains("无法核验") && store.zh().contains("另一个运行中的秒批"), store.zh());
			assertTrue(v.summaryZh().contains("结论：有效") && !v.summaryZh().contains("结论：无效"), v.summaryZh());
		} finally {
			service.setCertificateLog(null);
		}
	}

	@Test
	void aRegisterThatCannotBeReadIsACheckNotMadeNotADamagedFile() throws Exception {
		Path notADirectory = Files.writeString(home.resolve("register-is-a-file"), "x");
		DefaultCertificateService elsewhere = new DefaultCertificateService(seals, new FileCertificateRegistry(notADirectory, Clock.systemUTC()),
				Clock.systemUTC());
		Verdict v = elsewhere.verify(issued.file());
		inWords(v);
		assertTrue(v.check(CertificateVerifier.FILE).ok(), v.summary());
		assertFalse(v.check(CertificateVerifier.REGISTER).made(), v.summary());
		assertTrue(v.check(CertificateVerifier.REGISTER).en().startsWith("certificate register: could not check: cannot open the certificate register"),
				v.summary());
		assertTrue(v.check(CertificateVerifier.REGISTER).zh().contains("无法读取证照库"), v.summaryZh());
	}
}
