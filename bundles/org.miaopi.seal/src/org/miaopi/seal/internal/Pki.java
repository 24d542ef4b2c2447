package org.miaopi.seal.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.miaopi.seal.KeyAlgorithm;

/** Key pairs, certificates and CRLs of the demo hierarchy, with BouncyCastle. */
public final class Pki {

	public static final String BC = BouncyCastleProvider.PROVIDER_NAME;
	private static final SecureRandom RANDOM = new SecureRandom();

	private Pki() {
	}

	/** Registers BouncyCastle once; iText and the CMS code find it by name. */
	public static synchronized Provider bc() {
		Provider p = Security.getProvider(BC);
		if (p == null) {
			p = new BouncyCastleProvider();
			Security.addProvider(p);
		}
		return p;
	}

	public static KeyPair newKeyPair(KeyAlgorithm algorithm) {
		try {
			KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm.keyType(), bc());
			if (algorithm == KeyAlgorithm.RSA_2048) {
				g.initialize(2048, RANDOM);
			} else if (algorithm == KeyAlgorithm.ED25519) {
				return g.generateKeyPair();
			} else {
				g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM); //$NON-NLS-1$
			}
			return g.generateKeyPair();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot generate a " + algorithm + " key pair", e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	public enum Role {
		ROOT, SEAL, OFFICER, TIMESTAMP,
		/** The hub's HTTPS server key. */
		TLS_SERVER,
		/** A desk's (or an intake platform's) key for mutual TLS with the hub. */
		TLS_CLIENT
	}

	/**
	 * A certificate for {@code subjectKey}; {@code issuer == null} makes it self-signed (the root).
	 */
	public static X509Certificate certificate(Role role, X500Name subject, PublicKey subjectKey, X509Certificate issuer,
			PrivateKey issuerKey, Instant notBefore, Instant notAfter) {
		return certificate(role, subject, subjectKey, issuer, issuerKey, notBefore, notAfter, List.of());
	}

	/** @param hostNames the server's DNS names and IP addresses (subjectAltName), for {@link Role#TLS_SERVER} */
	public static X509Certificate certificate(Role role, X500Name subject, PublicKey subjectKey, X509Certificate issuer,
			PrivateKey issuerKey, Instant notBefore, Instant notAfter, List<String> hostNames) {
		try {
			X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
			X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(127, RANDOM).add(BigInteger.ONE),
					Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
			JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
			b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
			if (issuer != null) {
				b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer));
			}
			switch (role) {
			case ROOT -> {
				b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
				b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			}
			case SEAL, OFFICER -> {
				b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
				b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			}
			case TIMESTAMP -> {
				b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
				b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
				// RFC 3161: a TSA certificate has exactly this critical extended key usage
				b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
			}
			case TLS_SERVER, TLS_CLIENT -> {
				b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
				boolean rsa = "RSA".equals(subjectKey.getAlgorithm()); //$NON-NLS-1$
				b.addExtension(Extension.keyUsage, true,
						new KeyUsage(rsa ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
				b.addExtension(Extension.extendedKeyUsage, false,
						new ExtendedKeyUsage(role == Role.TLS_SERVER ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
				if (!hostNames.isEmpty()) {
					b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(hostNames.stream()
							.map(h -> new GeneralName(h.matches("[0-9.]+|.*:.*") ? GeneralName.iPAddress : GeneralName.dNSName, h)) //$NON-NLS-1$
							.toArray(GeneralName[]::new)));
				}
			}
			}
			PrivateKey signingKey = issuer == null ? issuerKey : issuerKey;
			return new JcaX509CertificateConverter().setProvider(bc()).getCertificate(b.build(signer(signingKey)));
		} catch (Exception e) {
			throw new IllegalStateException("cannot create the " + role + " certificate for " + subject, e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	public static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
		return new JcaContentSignerBuilder(KeyAlgorithm.of(key.getAlgorithm()).signatureAlgorithm()).setProvider(bc()).build(key);
	}

	/** One revoked certificate as recorded on the CRL. */
	public record Revoked(BigInteger serial, Instant when, int reason) {
	}

	public static X509CRL crl(X509Certificate issuer, PrivateKey issuerKey, List<Revoked> revoked, long number, Instant now,
			Instant nextUpdate) {
		try {
			X509v2CRLBuilder b = new JcaX509v2CRLBuilder(issuer, Date.from(now));
			b.setNextUpdate(Date.from(nextUpdate));
			for (Revoked r : revoked) {
				b.addCRLEntry(r.serial(), Date.from(r.when()), r.reason());
			}
			b.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer));
			b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
			return new JcaX509CRLConverter().setProvider(bc()).getCRL(b.build(signer(issuerKey)));
		} catch (Exception e) {
			throw new IllegalStateException("cannot create the CRL", e); //$NON-NLS-1$
		}
	}
}
