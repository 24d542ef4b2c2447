package org.miaopi.certificate.internal;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

import org.miaopi.certificate.Verdict.Check;
import org.miaopi.seal.SealService;
import org.miaopi.seal.internal.Pki;

/**
 * The revocation and B-LT checks of a verdict: is the seal certificate revoked (by the desk's
 * current CRL, or by the CRL the document carries), and does the document security store hold
 * what a verifier needs years later without asking this desk: the chain, the timestamp
 * authority's certificate and a CRL signed by the root.
 */
final class LongTermChecks {

	private LongTermChecks() {
	}

	static Check revocation(SealService seals, X509Certificate cert, Dss.Content dss) {
		if (cert == null) {
			return new Check(CertificateVerifier.REVOCATION, false, "no certificate to check"); //$NON-NLS-1$
		}
		X509CRL current = seals.crl();
		Optional<Instant> revoked = seals.revokedAt(cert);
		if (revoked.isPresent()) {
			return new Check(CertificateVerifier.REVOCATION, false, "the seal certificate was REVOKED at " + revoked.get() + " (Miaopi root CRL)"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		for (X509CRL crl : dss.crls()) {
			if (crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal()) && crl.getRevokedCertificate(cert.getSerialNumber()) != null) {
				return new Check(CertificateVerifier.REVOCATION, false, "the seal certificate is on the CRL the document carries"); //$NON-NLS-1$
			}
		}
		return new Check(CertificateVerifier.REVOCATION, true, "not on the Miaopi root's CRL of " + current.getThisUpdate().toInstant() //$NON-NLS-1$
				+ (dss.crls().isEmpty() ? "; the document carries no CRL" //$NON-NLS-1$
						: "; nor on the CRL embedded in the document (of " + dss.crls().get(0).getThisUpdate().toInstant() + ")")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static Check validationData(X509Certificate cert, X509Certificate root, X509Certificate tsa, Dss.Content dss) {
		String name = CertificateVerifier.LONG_TERM;
		if (!dss.present()) {
			return new Check(name, false, "the document has no document security store (PAdES B-T only, not B-LT)"); //$NON-NLS-1$
		}
		boolean hasSeal = cert != null && dss.certificates().contains(cert);
		boolean hasRoot = dss.certificates().contains(root);
		boolean hasTsa = tsa != null && dss.certificates().contains(tsa);
		X509CRL rootCrl = dss.crls().stream().filter(c -> signedBy(c, root)).findFirst().orElse(null);
		StringBuilder missing = new StringBuilder();
		append(missing, !hasSeal, "the seal certificate"); //$NON-NLS-1$
		append(missing, !hasRoot, "the root certificate"); //$NON-NLS-1$
		append(missing, !hasTsa, "the timestamp authority's certificate"); //$NON-NLS-1$
		append(missing, rootCrl == null, "a CRL signed by the root"); //$NON-NLS-1$
		for (String u : dss.unreadable()) {
			append(missing, true, "readable " + u); //$NON-NLS-1$
		}
		if (missing.length() > 0) {
			return new Check(name, false, "the document security store lacks " + missing); //$NON-NLS-1$
		}
		return new Check(name, true, "PAdES B-LT: the document security store holds " + dss.certificates().size() //$NON-NLS-1$
				+ " certificates (seal, root, timestamp authority) and the root's CRL of " + rootCrl.getThisUpdate().toInstant()); //$NON-NLS-1$
	}

	private static boolean signedBy(X509CRL crl, X509Certificate root) {
		try {
			crl.verify(root.getPublicKey(), Pki.bc());
			return crl.getIssuerX500Principal().equals(root.getSubjectX500Principal());
		} catch (Exception e) {
			return false;
		}
	}

	private static void append(StringBuilder b, boolean missing, String what) {
		if (missing) {
			b.append(b.length() == 0 ? "" : ", ").append(what); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
