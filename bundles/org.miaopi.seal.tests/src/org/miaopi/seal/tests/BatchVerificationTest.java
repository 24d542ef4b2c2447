package org.miaopi.seal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.audit.SignatureVerifier;
import org.miaopi.seal.CachingSignatureVerifier;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;
import org.miaopi.seal.internal.Ed25519Batch;
import org.miaopi.seal.internal.Pki;

/** Officers' signatures checked together give, item by item, the answers of checking each alone. */
class BatchVerificationTest {

	@TempDir
	static Path home;
	static FileSealService seals;

	@BeforeAll
	static void generate() {
		seals = new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
		seals.departments();
	}

	private static byte[][] keyPair() {
		byte[] sk = new byte[32];
		new java.security.SecureRandom().nextBytes(sk);
		byte[] pk = new byte[32];
		Ed25519.generatePublicKey(sk, 0, pk, 0);
		return new byte[][] { sk, pk };
	}

	private static Ed25519Batch.Item signed(byte[][] key, String message) {
		byte[] m = message.getBytes(StandardCharsets.UTF_8);
		byte[] sig = new byte[64];
		Ed25519.sign(key[0], 0, m, 0, m.length, sig, 0);
		return new Ed25519Batch.Item(key[1], m, sig);
	}

	@Test
	void aBatchOfGoodSignaturesHoldsAndOneChangedMessageBreaksIt() {
		List<byte[][]> keys = List.of(keyPair(), keyPair(), keyPair());
		for (int size : new int[] { 1, 9, 70, 300 }) {
			List<Ed25519Batch.Item> items = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				items.add(signed(keys.get(i % 3), "decision " + i + " 准予登记"));
			}
			items.forEach(it -> assertTrue(Ed25519Batch.accepts(it.publicKey(), it.signature())));
			assertTrue(new Ed25519Batch().verify(items), size + " good signatures");
			Ed25519Batch.Item last = items.get(size - 1);
			items.set(size - 1, new Ed25519Batch.Item(last.publicKey(), "decision changed".getBytes(StandardCharsets.UTF_8),
					last.signature()));
			assertFalse(new Ed25519Batch().verify(items), "a changed message among " + size);
			items.set(size - 1, new Ed25519Batch.Item(keys.get((size) % 3)[1], last.message(), last.signature()));
			assertFalse(new Ed25519Batch().verify(items), "another officer's key among " + size);
		}
	}

	@Test
	void aSignatureWithANonCanonicalScalarIsLeftToSingleVerification() {
		Ed25519Batch.Item it = signed(keyPair(), "x");
		byte[] sig = it.signature().clone();
		sig[63] |= (byte) 0xF0; // S far above the group order
		assertFalse(Ed25519Batch.accepts(it.publicKey(), sig));
	}

	@Test
	void theVerifierAnswersEachItemOfABatchAsItAnswersItAlone() throws Exception {
		List<KeyPair> officers = new ArrayList<>();
		List<byte[]> certificates = new ArrayList<>();
		Instant now = Instant.now();
		for (int i = 0; i < 3; i++) {
			KeyPair k = Pki.newKeyPair(KeyAlgorithm.ED25519);
			officers.add(k);
			certificates.add(seals.certifyOfficerKey("officer" + i, k.getPublic(), now.minus(Duration.ofDays(1)),
					now.plus(Duration.ofDays(30)))[0].getEncoded());
		}
		List<SignatureVerifier.Item> items = new ArrayList<>();
		long decided = now.toEpochMilli();
		for (int i = 0; i < 40; i++) {
			int o = i % 3;
			byte[] record = ("record " + i).getBytes(StandardCharsets.UTF_8);
			Signature s = Signature.getInstance("Ed25519", Pki.bc());
			s.initSign(officers.get(o).getPrivate());
			s.update(record);
			byte[] sig = s.sign();
			String officer = "officer" + o;
			if (i == 7) {
				record = "record changed".getBytes(StandardCharsets.UTF_8);
			} else if (i == 13) {
				officer = "officer9";
			} else if (i == 21) {
				sig[5] ^= 1;
			} else if (i == 30) {
				decided = now.plus(Duration.ofDays(60)).toEpochMilli();
			}
			items.add(new SignatureVerifier.Item("Ed25519", record, sig, certificates.get(o), officer, decided));
			decided = now.toEpochMilli();
		}
		CachingSignatureVerifier verifier = new CachingSignatureVerifier(seals);
		List<SignatureVerifier.Check> together = verifier.verifyAll(items);
		for (int i = 0; i < items.size(); i++) {
			SignatureVerifier.Item it = items.get(i);
			assertEquals(verifier.verify(it.algorithm(), it.canonical(), it.signature(), it.certificate(), it.officerId(),
					it.decidedMs()), together.get(i), "item " + i);
		}
		assertEquals(List.of(7, 13, 21, 30), java.util.stream.IntStream.range(0, items.size())
				.filter(i -> !together.get(i).valid()).boxed().toList());
		List<SignatureVerifier.Item> good = new ArrayList<>(items);
		for (int i : new int[] { 30, 21, 13, 7 }) {
			good.remove(i);
		}
		assertTrue(verifier.verifyAll(good).stream().allMatch(SignatureVerifier.Check::valid));
		assertEquals(32, SubjectPublicKeyInfo.getInstance(officers.get(0).getPublic().getEncoded()).getPublicKeyData()
				.getBytes().length);
	}
}
