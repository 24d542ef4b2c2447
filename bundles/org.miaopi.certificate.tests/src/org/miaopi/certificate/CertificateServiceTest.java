package org.miaopi.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.certificate.internal.CertificateVerifier;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;
import org.miaopi.seal.SealException;
import org.miaopi.seal.LoopbackTimestampService;
import org.miaopi.seal.TimestampHttpServer;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.TSAClientBouncyCastle;

class CertificateServiceTest {

	@TempDir
	static Path home;
	static FileSealService seals;
	static FileCertificateRegistry registry;
	static DefaultCertificateService service;

	@BeforeAll
	static void setUp() {
		seals = new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		registry = new FileCertificateRegistry(home.resolve("certificates"), Clock.systemUTC());
		service = new DefaultCertificateService(seals, registry, Clock.systemUTC());
	}

	static CertificateRequest request(String department) {
		LocalDate today = LocalDate.now();
		return new CertificateRequest("深圳市秒批示范餐饮管理有限公司", "91440300MA5G8XYZ1K", "食品经营许可证", "Food Business Licence", department,
				today, today.plusYears(5).minusDays(1), today);
	}

	static Path fresh(String name) throws Exception {
		return Files.createDirectories(home.resolve(name));
	}

	@Test
	void issuedCertificateVerifiesOnEveryCheck() throws Exception {
		Path out = fresh("ok");
		IssuedCertificate issued = service.issue(request("MKT"), out);
		assertEquals(out.resolve(issued.content().number() + ".pdf"), issued.file());
		assertTrue(issued.content().number().matches("MKT-\\d{4}-\\d{8}"), issued.content().number());
		try (Stream<Path> files = Files.list(out)) {
			assertEquals(List.of(issued.file()), files.toList(), "only the certificate, no temporary file");
		}
		Verdict v = service.verify(issued.file());
		assertTrue(v.ok(), v.summary());
		assertTrue(v.check(CertificateVerifier.SEALED_BY).words().contains("秒批示范区市场监督管理局"), v.summary());
		assertTrue(v.check(CertificateVerifier.TIMESTAMP).words().contains("Miaopi Demo Timestamp Authority"), v.summary());
		assertTrue(v.check(CertificateVerifier.REVOCATION).words().contains("CRL embedded in the document"), v.summary());
		assertTrue(v.check(CertificateVerifier.LONG_TERM).ok(), v.summary());
		assertTrue(v.check(CertificateVerifier.LONG_TERM).words().startsWith("PAdES B-LT"), v.summary());
		assertEquals(CertificateRegistry.Status.ISSUED, registry.lookup(issued.content().number()).orElseThrow().status());
	}

	@Test
	void certificateIsPdfA2bWithEmbeddedFontsAndTheQrPayload() throws Exception {
		IssuedCertificate issued = service.issue(request("HRSS"), fresh("pdfa"));
		try (PdfDocument pdf = new PdfDocument(new PdfReader(issued.file().toString()))) {
			String xmp = new String(pdf.getXmpMetadataBytes(), StandardCharsets.UTF_8);
			assertTrue(xmp.contains("pdfaid:part>2<") || xmp.contains("pdfaid:part=\"2\""), xmp);
			assertTrue(xmp.contains("pdfaid:conformance>B<") || xmp.contains("pdfaid:conformance=\"B\""), xmp);
			assertEquals(issued.content().number(), pdf.getDocumentInfo().getMoreInfo("MiaopiCertificateNumber"));
		}
		String payload = issued.content().qrPayload();
		assertTrue(payload.startsWith("MIAOPI-CERT:1;no=" + issued.content().number() + ";sha256="), payload);
		assertEquals(64, issued.content().digest().length());
		Assumptions.assumeExecutable("/usr/bin/pdffonts");
		String fonts = run("/usr/bin/pdffonts", issued.file().toString());
		long notEmbedded = fonts.lines().skip(2).filter(l -> !l.isBlank()).filter(l -> !l.matches(".*\\byes\\s+yes\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$")).count();
		assertEquals(0, notEmbedded, "every font embedded as a subset:\n" + fonts);
		if (Files.isExecutable(Path.of("/usr/bin/pdftotext"))) {
			String text = run("/usr/bin/pdftotext", issued.file().toString(), "-");
			assertTrue(text.contains("食品经营许可证") && text.contains("秒批示范区人力资源和社会保障局"), text);
		}
	}

	@Test
	void pdfsigTrustsTheDemoRootAndSeesAChangedByte() throws Exception {
		Assumptions.assumeExecutable("/usr/bin/pdfsig");
		Path out = fresh("pdfsig");
		IssuedCertificate issued = service.issue(request("MKT"), out);
		List<String> cmd = new ArrayList<>(List.of("/usr/bin/pdfsig"));
		boolean nss = Files.isExecutable(Path.of("/usr/bin/certutil"));
		if (nss) {
			Path db = Files.createDirectories(out.resolve("nssdb"));
			run("/usr/bin/certutil", "-N", "-d", "sql:" + db, "--empty-password");
			Path root = out.resolve("root.der");
			Files.write(root, seals.root().getEncoded());
			run("/usr/bin/certutil", "-A", "-d", "sql:" + db, "-n", "miaopi-demo-root", "-t", "CT,C,C", "-i", root.toString());
			cmd.addAll(List.of("-nssdir", "sql:" + db));
		}
		List<String> valid = new ArrayList<>(cmd);
		valid.add(issued.file().toString());
		String report = run(valid.toArray(String[]::new));
		assertTrue(report.contains("Signature Validation: Signature is Valid."), report);
		assertTrue(report.contains("Total document signed"), report);
		if (nss) {
			assertTrue(report.contains("Certificate Validation: Certificate is Trusted."), report);
		}

		Path tampered = out.resolve("tampered.pdf");
		Files.write(tampered, alterOneByte(Files.readAllBytes(issued.file())));
		List<String> changed = new ArrayList<>(cmd);
		changed.add(tampered.toString());
		String after = run(changed.toArray(String[]::new));
		assertFalse(after.contains("Signature Validation: Signature is Valid."), after);
		assertTrue(after.contains("Digest Mismatch") || after.contains("Invalid"), after);
	}

	@Test
	void tamperedTruncatedAndNonPdfFilesGetAClearVerdict() throws Exception {
		Path out = fresh("bad");
		IssuedCertificate issued = service.issue(request("CIVIL"), out);
		byte[] good = Files.readAllBytes(issued.file());

		Path tampered = Files.write(out.resolve("tampered.pdf"), alterOneByte(good));
		Verdict t = service.verify(tampered);
		assertFalse(t.ok(), t.summary());
		assertFalse(t.check(CertificateVerifier.INTACT).ok(), t.summary());

		Path truncated = Files.write(out.resolve("truncated.pdf"), java.util.Arrays.copyOf(good, good.length / 2));
		Verdict tr = service.verify(truncated);
		assertFalse(tr.ok(), tr.summary());
		assertTrue(tr.check(CertificateVerifier.FILE).words().contains("truncated"), tr.summary());
		// cut a little after the laid-out revision's end, inside the seal's revision: truncated, not "unsigned"
		int firstEof = new String(good, StandardCharsets.ISO_8859_1).indexOf("%%EOF");
		Path cut = Files.write(out.resolve("cut.pdf"), java.util.Arrays.copyOf(good, firstEof + 5 + 100));
		Verdict cv = service.verify(cut);
		assertFalse(cv.ok(), cv.summary());
		assertTrue(cv.check(CertificateVerifier.FILE).words().contains("truncated"), cv.summary());

		Path text = Files.writeString(out.resolve("letter.pdf"), "Dear applicant, this is not a PDF.");
		Verdict nt = service.verify(text);
		assertFalse(nt.ok());
		assertEquals("this is not a PDF file", nt.check(CertificateVerifier.FILE).words());

		Verdict missing = service.verify(out.resolve("nowhere.pdf"));
		assertFalse(missing.ok());
	}

	@Test
	void pdfSealedByAnUnknownKeyIsNotTrusted() throws Exception {
		FileSealService foreign = new FileSealService(home.resolve("foreign-seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		DefaultCertificateService forger = new DefaultCertificateService(foreign,
				new FileCertificateRegistry(home.resolve("foreign-register"), Clock.systemUTC()), Clock.systemUTC());
		IssuedCertificate fake = forger.issue(request("MKT"), fresh("foreign"));
		Verdict v = service.verify(fake.file());
		assertFalse(v.ok(), v.summary());
		assertTrue(v.check(CertificateVerifier.INTACT).ok(), "the signature itself is intact");
		assertFalse(v.check(CertificateVerifier.CHAIN).ok(), v.summary());
		assertFalse(v.check(CertificateVerifier.TIMESTAMP).ok(), v.summary());
	}

	@Test
	void revokedCertificateFailsTheRegisterCheck() throws Exception {
		IssuedCertificate issued = service.issue(request("MKT"), fresh("revoked"));
		service.revoke(issued.content().number(), "发证信息有误 wrong holder name", "zhang.wei");
		Verdict v = service.verify(issued.file());
		assertFalse(v.ok());
		assertTrue(v.check(CertificateVerifier.REGISTER).words().contains("REVOKED"), v.summary());
		assertTrue(v.check(CertificateVerifier.INTACT).ok());
		CertificateException again = assertThrows(CertificateException.class,
				() -> service.revoke(issued.content().number(), "twice", "zhang.wei"));
		assertEquals(CertificateException.Code.ALREADY_REVOKED, again.code());
		assertEquals(CertificateException.Code.UNKNOWN_NUMBER,
				assertThrows(CertificateException.class, () -> service.revoke("MKT-1999-00000000", "x", "y")).code());
	}

	@Test
	void expiredOrRevokedSealCannotIssueAndUsesNoNumber() throws Exception {
		Instant now = Instant.now();
		seals.issueSeal("OLD", "秒批示范区旧局", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)));
		var gone = seals.issueSeal("GONE", "秒批示范区撤销局", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(100)));
		seals.revoke(gone.certificate(), 1, "key compromised");
		int before = registry.entries().size();
		Path out = fresh("refused");
		assertEquals(SealException.Code.SEAL_EXPIRED, assertThrows(SealException.class, () -> service.issue(request("OLD"), out)).code());
		assertEquals(SealException.Code.SEAL_REVOKED, assertThrows(SealException.class, () -> service.issue(request("GONE"), out)).code());
		assertEquals(before, registry.entries().size());
		try (Stream<Path> files = Files.list(out)) {
			assertEquals(0, files.count());
		}
	}

	@Test
	void failureMidIssuanceLeavesNoFileAndVoidsTheNumber() throws Exception {
		Path out = fresh("crash");
		DefaultCertificateService failing = new DefaultCertificateService(seals, registry, Clock.systemUTC());
		failing.beforeRename = () -> {
			throw new IllegalStateException("disk full (simulated)");
		};
		CertificateException e = assertThrows(CertificateException.class, () -> failing.issue(request("MKT"), out));
		assertEquals(CertificateException.Code.ISSUANCE_FAILED, e.code());
		assertTrue(e.getMessage().contains("disk full"), e.getMessage());
		try (Stream<Path> files = Files.list(out)) {
			assertEquals(0, files.count(), "no partial file");
		}
		String voided = e.getMessage().split(" ")[1];
		assertEquals(CertificateRegistry.Status.VOID, registry.lookup(voided).orElseThrow().status());
		IssuedCertificate next = service.issue(request("MKT"), out);
		assertNotEquals(voided, next.content().number());

		// a broken timestamp authority fails the issuance the same way
		failing.beforeRename = () -> {
		};
		failing.setTimestampClient(new com.itextpdf.signatures.ITSAClient() {
			@Override
			public int getTokenSizeEstimate() {
				return 4096;
			}

			@Override
			public java.security.MessageDigest getMessageDigest() throws java.security.GeneralSecurityException {
				return java.security.MessageDigest.getInstance("SHA-256");
			}

			@Override
			public byte[] getTimeStampToken(byte[] imprint) throws Exception {
				throw new java.io.IOException("TSA unreachable (simulated)");
			}
		});
		assertThrows(CertificateException.class, () -> failing.issue(request("MKT"), out));
		try (Stream<Path> files = Files.list(out)) {
			assertEquals(1, files.count(), "only the one good certificate");
		}
	}

	@Test
	void registerNeverHandsOutANumberTwiceEvenAfterACrash() throws Exception {
		Path dir = home.resolve("register-crash");
		FileCertificateRegistry first = new FileCertificateRegistry(dir, Clock.systemUTC());
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 5; i++) {
			assertTrue(seen.add(first.allocate("MKT", 2026)));
		}
		// no close(): the process "died"; a new one opens the same files
		FileCertificateRegistry second = new FileCertificateRegistry(dir, Clock.systemUTC());
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<String>> futures = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			futures.add(pool.submit(() -> second.allocate("MKT", 2026)));
		}
		for (Future<String> f : futures) {
			assertTrue(seen.add(f.get()), "number given twice: " + f.get());
		}
		pool.shutdown();
		assertEquals(205, seen.size());
	}

	@Test
	void loopbackHttpTimestampAuthorityWorksForIssuance() throws Exception {
		try (TimestampHttpServer tsa = TimestampHttpServer.start(seals.timestampAuthority(), 0)) {
			DefaultCertificateService viaHttp = new DefaultCertificateService(seals, registry, Clock.systemUTC());
			viaHttp.setTimestampClient(new TSAClientBouncyCastle(tsa.uri().toString()));
			IssuedCertificate issued = viaHttp.issue(request("HRSS"), fresh("http"));
			Verdict v = viaHttp.verify(issued.file());
			assertTrue(v.ok(), v.summary());
		}
	}

	/** The product's path: the DS component serves the authority on loopback and issuance asks it over HTTP. */
	@Test
	void issuanceUsesTheDesksLoopbackTimestampServiceWhichRefusesOtherAddresses() throws Exception {
		LoopbackTimestampService refused = new LoopbackTimestampService(seals);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> refused.start("192.0.2.1", "0"));
		assertTrue(e.getMessage().contains("loopback only"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> refused.start("127.0.0.1", "http"));

		LoopbackTimestampService endpoint = new LoopbackTimestampService(seals);
		endpoint.start("127.0.0.1", "0");
		try {
			assertEquals("127.0.0.1", endpoint.uri().getHost());
			DefaultCertificateService desk = new DefaultCertificateService(seals, registry, Clock.systemUTC());
			desk.setTimestampEndpoint(endpoint);
			IssuedCertificate issued = desk.issue(request("MKT"), fresh("endpoint"));
			Verdict v = desk.verify(issued.file());
			assertTrue(v.ok(), v.summary());
			assertEquals(2, endpoint.requestsServed(), "both timestamps (the seal's and the archive timestamp) came over HTTP");
		} finally {
			endpoint.stop();
		}
	}

	/** Changes one byte inside the signed range: the last digit of the number in the document info. */
	static byte[] alterOneByte(byte[] pdf) {
		String s = new String(pdf, StandardCharsets.ISO_8859_1);
		int key = s.indexOf("/MiaopiCertificateNumber(");
		assertTrue(key > 0, "the document info is stored uncompressed");
		int at = s.indexOf(')', key) - 1;
		byte[] copy = pdf.clone();
		copy[at] = (byte) (copy[at] ^ 0x01);
		return copy;
	}

	static String run(String... command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		p.waitFor();
		return output;
	}

	/** Skips a test, saying why, when a tool of poppler-utils is not installed. */
	static final class Assumptions {
		static void assumeExecutable(String path) {
			org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of(path)),
					path + " is not installed (Debian poppler-utils); skipping the independent check");
		}
	}
}
