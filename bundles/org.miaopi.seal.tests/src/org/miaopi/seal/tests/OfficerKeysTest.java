package org.miaopi.seal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.audit.LedgerRecords;
import org.miaopi.core.audit.SignatureVerifier;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.seal.CachingSignatureVerifier;
import org.miaopi.seal.FileOfficerKeys;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;

/**
 * An officer's own decision key: a PKCS#12 opened by the officer's password only, issued by the
 * desk's root, and signatures that the verifier accepts exactly for the record, officer and time signed.
 */
class OfficerKeysTest {

	private static final Officer LI_NA = new Officer("li.na", "李娜", "PSB", EnumSet.of(Role.OFFICER));

	@TempDir
	Path home;
	private FileSealService seals;
	private FileOfficerKeys keys;
	private SignatureVerifier verifier;

	@BeforeEach
	void desk() {
		seals = new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		keys = new FileOfficerKeys(seals, home.resolve("officers"));
		verifier = new CachingSignatureVerifier(seals);
	}

	private static Decision approval(String justification) {
		return new Decision("D1", DecisionKind.APPROVE, List.of(), "《户口登记条例》第十条", "li.na",
				Instant.now().truncatedTo(ChronoUnit.MILLIS), false, justification, null, null, null);
	}

	@Test
	void theKeyOpensWithTheOfficersPasswordOnlyAndIsKeptProtected() throws Exception {
		keys.issue(LI_NA, "first-password".toCharArray());
		Path file = home.resolve("officers/li.na.p12");
		assertTrue(Files.isRegularFile(file));
		assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("first-password"));
		assertTrue(keys.unlock(LI_NA, "wrong-password".toCharArray()).isEmpty());
		DecisionSigner signer = keys.unlock(LI_NA, "first-password".toCharArray()).orElseThrow();
		assertEquals("li.na", signer.officerId());
		assertEquals("Ed25519", signer.algorithm());
	}

	@Test
	void aSignedDecisionVerifiesAndAnyChangeToItDoesNot() {
		DecisionSigner signer = keys.unlock(LI_NA, "pw-12345678".toCharArray()).orElseThrow(); // issued on first use
		Decision d = approval("学历已核实");
		byte[] signature = signer.sign(LedgerRecords.decision(42, d));
		long at = d.time().toEpochMilli();
		SignatureVerifier.Check ok = verifier.verify(signer.algorithm(), LedgerRecords.decision(42, d), signature,
				signer.certificate(), "li.na", at);
		assertTrue(ok.valid(), ok.why());
		assertEquals("li.na", ok.signer());
		SignatureVerifier.Check changed = verifier.verify(signer.algorithm(), LedgerRecords.decision(42, approval("无需核实")),
				signature, signer.certificate(), "li.na", at);
		assertFalse(changed.valid());
		assertTrue(changed.why().contains("changed after it was signed"), changed.why());
		assertFalse(verifier.verify(signer.algorithm(), LedgerRecords.decision(43, d), signature, signer.certificate(), "li.na",
				at).valid(), "bound to its event");
		SignatureVerifier.Check other = verifier.verify(signer.algorithm(), LedgerRecords.decision(42, d), signature,
				signer.certificate(), "zhao.lei", at);
		assertFalse(other.valid());
		assertTrue(other.why().contains("zhao.lei"), other.why());
		assertFalse(verifier.verify(signer.algorithm(), LedgerRecords.decision(42, d), signature, signer.certificate(), "li.na",
				Instant.now().plus(3 * 365, ChronoUnit.DAYS).toEpochMilli()).valid(), "outside the certificate's validity");
	}

	@Test
	void aKeyCertifiedByAnotherRootIsNotTrusted(@TempDir Path elsewhere) {
		FileSealService otherDesk = new FileSealService(elsewhere.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		DecisionSigner stranger = new FileOfficerKeys(otherDesk, elsewhere.resolve("officers"))
				.unlock(LI_NA, "pw-12345678".toCharArray()).orElseThrow();
		Decision d = approval(null);
		SignatureVerifier.Check c = verifier.verify(stranger.algorithm(), LedgerRecords.decision(1, d),
				stranger.sign(LedgerRecords.decision(1, d)), stranger.certificate(), "li.na", d.time().toEpochMilli());
		assertFalse(c.valid());
		assertTrue(c.why().contains("not issued by this desk's root"), c.why());
	}

	@Test
	void aRevokedSignerIsRefusedForDecisionsAfterTheRevocation() throws Exception {
		DecisionSigner signer = keys.unlock(LI_NA, "pw-12345678".toCharArray()).orElseThrow();
		java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
				.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(signer.certificate()));
		seals.revoke(cert, 1, "key compromised");
		Decision after = new Decision("D1", DecisionKind.APPROVE, List.of(), null, "li.na",
				Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS), false, null, null, null, null);
		SignatureVerifier fresh = new CachingSignatureVerifier(seals);
		SignatureVerifier.Check c = fresh.verify(signer.algorithm(), LedgerRecords.decision(2, after),
				signer.sign(LedgerRecords.decision(2, after)), signer.certificate(), "li.na", after.time().toEpochMilli());
		assertFalse(c.valid());
		assertTrue(c.why().contains("revoked"), c.why());
	}

	/** The CA's CRL as the desk pulled it from the hub, in memory: one revocation, or none. */
	private static final class PulledCrl implements org.miaopi.core.audit.CaRevocations {
		java.math.BigInteger serial;
		Instant at;
		long version;

		@Override
		public java.util.Optional<Revocation> revoked(java.security.cert.X509Certificate certificate) {
			return certificate.getSerialNumber().equals(serial) ? java.util.Optional.of(new Revocation(at, "KEY_COMPROMISE"))
					: java.util.Optional.empty();
		}

		@Override
		public long version() {
			return version;
		}
	}

	@Test
	void aSignerRevokedOnTheCasCrlFromTheHubIsRefusedAfterTheRevocationWithWhenAndWhy() throws Exception {
		DecisionSigner signer = keys.unlock(LI_NA, "pw-12345678".toCharArray()).orElseThrow();
		java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
				.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(signer.certificate()));
		PulledCrl crl = new PulledCrl();
		SignatureVerifier withCrl = new CachingSignatureVerifier(seals, crl);
		Decision after = new Decision("D1", DecisionKind.APPROVE, List.of(), null, "li.na",
				Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS), false, null, null, null, null);
		byte[] canonical = LedgerRecords.decision(2, after);
		byte[] signature = signer.sign(canonical);
		assertTrue(withCrl.verify(signer.algorithm(), canonical, signature, signer.certificate(), "li.na", after.time().toEpochMilli()).valid(),
				"no CRL names it yet");

		crl.serial = cert.getSerialNumber();
		crl.at = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS); // between the two decisions
		crl.version = 2; // the sync kept a new CRL: the certificate learnt before is learnt again
		SignatureVerifier.Check c = withCrl.verify(signer.algorithm(), canonical, signature, signer.certificate(), "li.na",
				after.time().toEpochMilli());
		assertFalse(c.valid());
		assertEquals("the signer's certificate had been revoked on " + crl.at + " (KEY_COMPROMISE)", c.why());

		Decision before = new Decision("D2", DecisionKind.APPROVE, List.of(), null, "li.na", crl.at.minusSeconds(1), false, null, null, null, null);
		byte[] earlier = LedgerRecords.decision(3, before);
		assertTrue(withCrl.verify(signer.algorithm(), earlier, signer.sign(earlier), signer.certificate(), "li.na", before.time().toEpochMilli())
				.valid(), "a decision signed before the revocation stays valid");
	}
}
