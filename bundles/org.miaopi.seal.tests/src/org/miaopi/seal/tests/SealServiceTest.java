package org.miaopi.seal.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.seal.CanonicalRecord;
import org.miaopi.seal.DecisionSignature;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;
import org.miaopi.seal.Seal;
import org.miaopi.seal.SealException;
import org.miaopi.seal.TimestampHttpServer;

class SealServiceTest {

	@TempDir
	static Path home;
	static FileSealService seals;

	@BeforeAll
	static void generate() {
		seals = new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		seals.departments(); // generates the demo hierarchy
	}

	@Test
	void firstRunGeneratesRootSealsAndOwnerOnlyPassword() throws Exception {
		assertTrue(seals.departments().containsAll(java.util.List.of("MKT", "HRSS", "CIVIL")));
		Seal mkt = seals.seal("MKT");
		assertEquals("EC", mkt.certificate().getPublicKey().getAlgorithm());
		assertEquals(seals.root(), mkt.chain()[1]);
		mkt.certificate().verify(seals.root().getPublicKey()); // throws if not issued by the root
		assertTrue(mkt.certificate().getSubjectX500Principal().getName().contains("秒批示范区市场监督管理局"));
		Path dir = home.resolve("seals");
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keystore.password"))));
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keystore.p12"))));
	}

	@Test
	void reopeningWithTheStoredPasswordFindsTheSameKeys() {
		FileSealService again = new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		assertEquals(seals.root(), again.root());
		assertArrayEquals(seals.seal("HRSS").key().getEncoded(), again.seal("HRSS").key().getEncoded());
	}

	@Test
	void wrongPasswordIsAClearError() {
		FileSealService wrong = new FileSealService(home.resolve("seals"), "not-the-password".toCharArray(), KeyAlgorithm.EC_P256,
				Clock.systemUTC());
		SealException e = assertThrows(SealException.class, wrong::root);
		assertEquals(SealException.Code.WRONG_PASSWORD, e.code());
		assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
	}

	@Test
	void unknownDepartmentIsRefused() {
		assertEquals(SealException.Code.UNKNOWN_SEAL, assertThrows(SealException.class, () -> seals.seal("NOPE")).code());
	}

	@Test
	void expiredSealCannotSeal() {
		Instant now = Instant.now();
		seals.issueSeal("OLD", "秒批示范区旧局", now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(1)));
		assertEquals(SealException.Code.SEAL_EXPIRED, assertThrows(SealException.class, () -> seals.seal("OLD")).code());
	}

	@Test
	void revokedSealIsOnTheCrlAndCannotSeal() throws Exception {
		Instant now = Instant.now();
		Seal lost = seals.issueSeal("LOST", "秒批示范区失章局", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
		assertNull(seals.crl().getRevokedCertificate(lost.certificate().getSerialNumber()));
		seals.revoke(lost.certificate(), 1 /* keyCompromise */, "token lost");
		assertEquals(SealException.Code.SEAL_REVOKED, assertThrows(SealException.class, () -> seals.seal("LOST")).code());
		var crl = seals.crl();
		crl.verify(seals.root().getPublicKey());
		assertNotNull(crl.getRevokedCertificate(lost.certificate().getSerialNumber()));
		// the revocation survives a restart
		FileSealService again = new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		assertTrue(again.revokedAt(lost.certificate()).isPresent());
	}

	@Test
	void theCrlIsKeptOverARestartUntilARevocationOrItsNextUpdateNears(@TempDir Path dir) throws Exception {
		Instant t0 = Instant.parse("2026-12-01T08:00:00Z");
		Path sealsDir = dir.resolve("seals");
		FileSealService first = at(sealsDir, t0);
		Seal lost = first.issueSeal("LOST", "秒批示范区失章局", t0.minus(Duration.ofDays(1)), t0.plus(Duration.ofDays(300)));
		var crl = first.crl();
		assertArrayEquals(crl.getEncoded(), at(sealsDir, t0.plus(Duration.ofHours(1))).crl().getEncoded(),
				"a restart serves the CRL it held, same number, same signature");

		FileSealService nearNextUpdate = at(sealsDir, t0.plus(Duration.ofDays(6)).plus(Duration.ofHours(12)));
		var renewed = nearNextUpdate.crl();
		assertTrue(number(renewed) > number(crl), "within a day of its next update: a new CRL");

		FileSealService later = at(sealsDir, t0.plus(Duration.ofDays(6)).plus(Duration.ofHours(13)));
		assertEquals(number(renewed), number(later.crl()));
		later.revoke(lost.certificate(), 1, "token lost");
		var revoked = later.crl();
		assertTrue(number(revoked) > number(renewed), "a revocation: a new CRL");
		assertNotNull(revoked.getRevokedCertificate(lost.certificate().getSerialNumber()));
		assertEquals(number(revoked), number(at(sealsDir, t0.plus(Duration.ofDays(7))).crl()));

		// a revocation recorded but never signed (the process stopped in between): the CRL kept no longer lists everything
		Seal other = later.issueSeal("GONE", "秒批示范区撤销局", t0, t0.plus(Duration.ofDays(300)));
		at(sealsDir, t0.plus(Duration.ofDays(7))).revoke(other.certificate(), 1, "stopped before the CRL");
		var listsBoth = at(sealsDir, t0.plus(Duration.ofDays(7))).crl();
		assertEquals(2, listsBoth.getRevokedCertificates().size());
		assertTrue(number(listsBoth) > number(revoked));

		// a clock set back still numbers the next CRL above the last one
		FileSealService back = at(sealsDir, t0.minus(Duration.ofDays(30)));
		back.revoke(back.officer("wang.wu").certificate(), 1, "clock set back");
		assertTrue(number(back.crl()) > number(listsBoth));

		Files.write(sealsDir.resolve("root.crl"), new byte[] { 1, 2, 3 });
		var fromGarbage = at(sealsDir, t0.plus(Duration.ofDays(7))).crl();
		fromGarbage.verify(first.root().getPublicKey());
		assertEquals(3, fromGarbage.getRevokedCertificates().size(), "a kept CRL that does not parse is signed anew");
	}

	private static FileSealService at(Path sealsDir, Instant now) {
		return new FileSealService(sealsDir, null, KeyAlgorithm.EC_P256, Clock.fixed(now, java.time.ZoneOffset.UTC));
	}

	private static long number(java.security.cert.X509CRL crl) {
		return org.miaopi.core.sync.CrlNumber.of(crl).longValueExact();
	}

	@Test
	void officerDecisionSignatureVerifiesAndDetectsChanges() {
		Map<String, String> decision = new LinkedHashMap<>();
		decision.put("dossier", "D-2026-0001");
		decision.put("outcome", "APPROVE");
		decision.put("reason", "材料齐全，符合法定条件");
		byte[] canonical = CanonicalRecord.bytes(decision);
		Seal officer = seals.officer("zhang.wei");
		byte[] signature = DecisionSignature.sign(officer, canonical);

		DecisionSignature.Verification ok = DecisionSignature.verify(canonical, signature, seals.root());
		assertTrue(ok.valid(), ok.explanation());
		assertTrue(ok.signer().contains("zhang.wei"));

		decision.put("outcome", "REJECT");
		DecisionSignature.Verification changed = DecisionSignature.verify(CanonicalRecord.bytes(decision), signature, seals.root());
		assertFalse(changed.valid());

		FileSealService other = new FileSealService(home.resolve("other"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		assertFalse(DecisionSignature.verify(canonical, signature, other.root()).valid(), "a foreign root must not be trusted");
		assertFalse(DecisionSignature.verify(canonical, new byte[] { 1, 2, 3 }, seals.root()).valid());
	}

	@Test
	void canonicalBytesDoNotDependOnFieldOrder() {
		Map<String, String> a = new LinkedHashMap<>();
		a.put("b", "2");
		a.put("a", "1=x\ny");
		Map<String, String> b = new LinkedHashMap<>();
		b.put("a", "1=x\ny");
		b.put("b", "2");
		assertArrayEquals(CanonicalRecord.bytes(a), CanonicalRecord.bytes(b));
		assertEquals("a=1\\=x\\ny\nb=2\n", new String(CanonicalRecord.bytes(a), java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void rsaHierarchyWorksToo() {
		FileSealService rsa = new FileSealService(home.resolve("rsa"), "given-password".toCharArray(), KeyAlgorithm.RSA_2048,
				Clock.systemUTC());
		Seal seal = rsa.seal("CIVIL");
		assertEquals("RSA", seal.certificate().getPublicKey().getAlgorithm());
		byte[] data = "decision".getBytes();
		assertTrue(DecisionSignature.verify(data, DecisionSignature.sign(rsa.officer("li"), data), rsa.root()).valid());
	}

	@Test
	void timestampAuthorityAnswersInProcessAndOverLoopbackHttp() throws Exception {
		byte[] imprint = MessageDigest.getInstance("SHA-256").digest("certificate".getBytes());
		TimeStampToken token = seals.timestampAuthority().stamp(imprint);
		token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(seals.timestampAuthority().certificate()));
		assertArrayEquals(imprint, token.getTimeStampInfo().getMessageImprintDigest());
		assertTrue(Math.abs(token.getTimeStampInfo().getGenTime().getTime() - System.currentTimeMillis()) < 60_000);

		try (TimestampHttpServer server = TimestampHttpServer.start(seals.timestampAuthority(), 0)) {
			assertEquals("127.0.0.1", server.uri().getHost());
			TimeStampRequestGenerator g = new TimeStampRequestGenerator();
			g.setCertReq(true);
			TimeStampRequest request = g.generate(TSPAlgorithms.SHA256, imprint, BigInteger.valueOf(42));
			HttpResponse<byte[]> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri())
					.header("Content-Type", "application/timestamp-query").POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertEquals(200, reply.statusCode());
			TimeStampResponse response = new TimeStampResponse(reply.body());
			response.validate(request); // nonce, imprint and status
			assertNotNull(response.getTimeStampToken());
			HttpResponse<byte[]> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.uri().toString()))
					.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { 0x30, 0x00 })).build(), HttpResponse.BodyHandlers.ofByteArray());
			assertEquals(400, bad.statusCode());
		}
	}
}
