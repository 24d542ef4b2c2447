package org.miaopi.store;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.audit.SignatureVerifier;
import org.miaopi.core.model.Officer;

/**
 * Officers' keys for store tests, with the JDK's own Ed25519 (the store knows no crypto library,
 * and neither do its tests). The "certificate" is the public key's X.509 encoding prefixed with the
 * officer id: enough for {@link #VERIFIER} to check who signed and what, without a CA.
 */
final class TestSigner implements DecisionSigner {

	private static final Map<String, TestSigner> KEYS = new ConcurrentHashMap<>();

	/** Checks what {@link TestSigner}s signed (the seal bundle's verifier checks real certificates). */
	static final SignatureVerifier VERIFIER = (algorithm, canonical, signature, certificate, officerId, decidedMs) -> {
		String text = new String(certificate, java.nio.charset.StandardCharsets.ISO_8859_1);
		int bar = text.indexOf('|');
		String who = text.substring(0, bar);
		try {
			byte[] key = java.util.Arrays.copyOfRange(certificate, bar + 1, certificate.length);
			Signature s = Signature.getInstance("Ed25519");
			s.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(key)));
			s.update(canonical);
			boolean ok = s.verify(signature) && who.equals(officerId);
			return new SignatureVerifier.Check(ok, who, ok ? "signed by " + who : "the decision was changed after it was signed");
		} catch (GeneralSecurityException e) {
			return new SignatureVerifier.Check(false, who, "damaged signature");
		}
	};

	private final String officerId;
	private final KeyPair keys;

	private TestSigner(String officerId) {
		this.officerId = officerId;
		try {
			this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static TestSigner of(Officer officer) {
		return KEYS.computeIfAbsent(officer.id(), TestSigner::new);
	}

	@Override
	public String officerId() {
		return officerId;
	}

	@Override
	public String algorithm() {
		return "Ed25519";
	}

	@Override
	public byte[] certificate() {
		byte[] id = (officerId + "|").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		byte[] key = keys.getPublic().getEncoded();
		byte[] all = java.util.Arrays.copyOf(id, id.length + key.length);
		System.arraycopy(key, 0, all, id.length, key.length);
		return all;
	}

	@Override
	public byte[] sign(byte[] canonical) {
		try {
			Signature s = Signature.getInstance("Ed25519");
			s.initSign(keys.getPrivate());
			s.update(canonical);
			return s.sign();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
