package org.miaopi.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.certificate.internal.CertificateVerifier;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;

/**
 * Certificates outlive their seal: issued as PAdES B-LTA (validation data and an archive timestamp
 * in revisions after the seal), verified with the clock decades ahead, before and after the
 * archive timestamps are renewed.
 */
class LongTermValidationTest {

	/** A clock the test moves forward, years at a time. */
	static final class MovableClock extends Clock {
		Instant now = Instant.now();

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	static final Instant IN_2040 = Instant.parse("2040-01-01T00:00:00Z");

	@TempDir
	Path home;
	MovableClock clock;
	FileSealService seals;
	DefaultCertificateService service;
	Path dir;

	@BeforeEach
	void setUp() throws Exception {
		clock = new MovableClock();
		seals = new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, clock);
		service = new DefaultCertificateService(seals, new FileCertificateRegistry(home.resolve("register"), clock), clock);
		dir = Files.createDirectories(home.resolve("issued"));
	}

	IssuedCertificate issue() {
		LocalDate today = LocalDate.ofInstant(clock.now, ZoneOffset.UTC);
		return service.issue(new CertificateRequest("深圳市秒批示范餐饮管理有限公司", "91440300MA5G8XYZ1K", "食品经营许可证", "Food Business Licence", "MKT", today,
				today.plusYears(5).minusDays(1), today), dir);
	}

	List<ArchiveRenewal.Outcome> renewAt(Instant when) throws Exception {
		clock.now = when;
		return service.renewArchives(List.of(dir), ArchiveRenewal.DEFAULT_WINDOW, false);
	}

	static Instant yearsAhead(Instant from, int years) {
		return from.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
	}

	@Test
	void issuedAsBltaAndHonestlyIndeterminateIn2040WithoutRenewal() throws Exception {
		IssuedCertificate issued = issue();
		Verdict now = service.verify(issued.file());
		assertTrue(now.ok(), now.summary());
		assertEquals("B-LTA", now.level(), now.summary());
		assertTrue(now.check(CertificateVerifier.UNCHANGED).words().contains("only validation data and archive timestamps"), now.summary());

		Verdict later = service.verify(issued.file(), yearsAhead(clock.now, 4));
		assertTrue(later.ok(), "within the timestamp authority's certificate: " + later.summary());

		Verdict in2040 = service.verify(issued.file(), IN_2040);
		assertFalse(in2040.ok(), in2040.summary());
		assertTrue(in2040.indeterminate(), "no fault found, only proof missing: " + in2040.summary());
		assertTrue(in2040.check(CertificateVerifier.LONG_TERM).words().contains("expired at"), in2040.summary());
		assertTrue(in2040.summary().contains("VERDICT: INDETERMINATE"), in2040.summary());
		assertTrue(in2040.summaryZh().contains("无法确定"), in2040.summaryZh());
		// the seal itself held when it was made: it is the timestamp's authority that lapsed
		assertTrue(in2040.check(CertificateVerifier.INTACT).ok() && in2040.check(CertificateVerifier.CHAIN).ok(), in2040.summary());
	}

	@Test
	void renewedArchiveTimestampsKeepACertificateVerifiableIn2040() throws Exception {
		Instant issuedAt = clock.now;
		IssuedCertificate issued = issue();
		byte[] asIssued = Files.readAllBytes(issued.file());

		List<ArchiveRenewal.Outcome> first = renewAt(issuedAt);
		assertEquals(ArchiveRenewal.Status.CURRENT, first.get(0).status(), first.toString());
		assertTrue(java.util.Arrays.equals(asIssued, Files.readAllBytes(issued.file())), "a current file is left as it is");

		// four years on, the authority of the archive timestamp nears its end (five years): renewed
		List<ArchiveRenewal.Outcome> second = renewAt(yearsAhead(issuedAt, 4).plus(Duration.ofDays(200)));
		assertEquals(ArchiveRenewal.Status.RENEWED, second.get(0).status(), second.toString());
		Verdict v = service.verify(issued.file(), IN_2040);
		assertTrue(v.indeterminate(), "one renewal does not reach 2040: " + v.summary());

		List<ArchiveRenewal.Outcome> third = renewAt(yearsAhead(issuedAt, 8).plus(Duration.ofDays(200)));
		assertEquals(ArchiveRenewal.Status.RENEWED, third.get(0).status(), third.toString());
		clock.now = Instant.now();
		v = service.verify(issued.file(), IN_2040);
		assertTrue(v.ok(), v.summary());
		assertEquals("B-LTA", v.level());
		assertTrue(v.check(CertificateVerifier.FILE).words().contains("3 archive timestamp(s)"), v.summary());
		assertTrue(v.check(CertificateVerifier.REGISTER).ok(), "the register's digest names the file as issued: " + v.summary());
		byte[] renewed = Files.readAllBytes(issued.file());
		assertTrue(java.util.Arrays.equals(asIssued, java.util.Arrays.copyOf(renewed, asIssued.length)), "renewal only appends");

		assertTrue(service.verify(issued.file(), yearsAhead(issuedAt, 20)).indeterminate(), "and lapses again without the next renewal");
	}

	@Test
	void aChangedByteFailsBeforeAndAfterRenewal() throws Exception {
		Instant issuedAt = clock.now;
		IssuedCertificate issued = issue();
		byte[] asIssued = Files.readAllBytes(issued.file());
		renewAt(yearsAhead(issuedAt, 4).plus(Duration.ofDays(200)));
		clock.now = issuedAt;
		byte[] renewed = Files.readAllBytes(issued.file());

		for (byte[] original : List.of(asIssued, renewed)) {
			// in the sealed revision: the holder's page
			String text = new String(original, StandardCharsets.ISO_8859_1);
			int inPage = text.indexOf("/MediaBox"); //$NON-NLS-1$
			assertFails(flip(original, inPage + 2), "a byte in the sealed revision");
			// in the validation data added after the seal, covered by the archive timestamp
			int inDss = text.lastIndexOf("/VRI"); //$NON-NLS-1$
			assertFails(flip(original, inDss + 2), "a byte in the document security store");
		}
	}

	@Test
	void aRevokedCertificateIsNotRenewed() throws Exception {
		Instant issuedAt = clock.now;
		IssuedCertificate issued = issue();
		service.revoke(issued.content().number(), "issued in error", "officer-1");
		List<ArchiveRenewal.Outcome> out = renewAt(yearsAhead(issuedAt, 4).plus(Duration.ofDays(200)));
		assertEquals(ArchiveRenewal.Status.SKIPPED, out.get(0).status(), out.toString());
		assertTrue(out.get(0).words().contains("REVOKED"), out.toString());
	}

	private void assertFails(byte[] changed, String what) {
		Verdict v = service.verify(changed, clock.now);
		assertFalse(v.ok(), what + ": " + v.summary());
		assertFalse(v.indeterminate(), what + " is a fault, not missing proof: " + v.summary());
	}

	private static byte[] flip(byte[] b, int at) {
		byte[] c = b.clone();
		c[at] = (byte) (c[at] == 'x' ? 'y' : 'x');
		return c;
	}
}
