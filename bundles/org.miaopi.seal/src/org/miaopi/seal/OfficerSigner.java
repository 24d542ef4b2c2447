package org.miaopi.seal;

import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.seal.internal.Pki;

/** An officer's unlocked key: a raw (detached) Ed25519 signature over the canonical decision record. */
public final class OfficerSigner implements DecisionSigner {

	private final String officerId;
	private final PrivateKey key;
	private final byte[] certificate;
	/** The JCA provider that holds the key (a PKCS#11 token's), or null for a software key. */
	private final String provider;

	public OfficerSigner(String officerId, PrivateKey key, X509Certificate certificate) {
		this(officerId, key, certificate, null);
	}

	public OfficerSigner(String officerId, PrivateKey key, X509Certificate certificate, String provider) {
		this.officerId = officerId;
		this.key = key;
		this.provider = provider;
		try {
			this.certificate = certificate.getEncoded();
		} catch (CertificateEncodingException e) {
			throw new SealException(SealException.Code.FAILED, "the officer's certificate cannot be encoded", e); //$NON-NLS-1$
		}
	}

	@Override
	public String officerId() {
		return officerId;
	}

	@Override
	public String algorithm() {
		return KeyAlgorithm.of(key.getAlgorithm()).signatureAlgorithm();
	}

	@Override
	public byte[] certificate() {
		return certificate.clone();
	}

	@Override
	public byte[] sign(byte[] canonical) {
		try {
			Signature s = provider == null ? Signature.getInstance(algorithm(), Pki.bc())
					: Signature.getInstance(algorithm(), provider);
			s.initSign(key);
			s.update(canonical);
			return s.sign();
		} catch (Exception e) {
			throw new SealException(SealException.Code.FAILED, "cannot sign the decision: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}

	/** The serial number of the key's certificate, in hexadecimal. */
	public String serial() {
		try {
			return ((java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509") //$NON-NLS-1$
					.generateCertificate(new java.io.ByteArrayInputStream(certificate))).getSerialNumber().toString(16);
		} catch (java.security.cert.CertificateException e) {
			throw new SealException(SealException.Code.FAILED, "the officer's certificate cannot be read", e); //$NON-NLS-1$
		}
	}
}
