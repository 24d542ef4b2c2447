package org.miaopi.certificate.internal;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

import org.miaopi.certificate.Verdict.Check;
import org.miaopi.seal.SealService;

/**
 * The revocation check of a verdict: is the seal certificate revoked (by the desk's current CRL,
 * or by the CRL the document carries). What a verifier needs years later is {@link LongTermValidation}'s.
 */
final class LongTermChecks {

	private LongTermChecks() {
	}

	static Check revocation(SealService seals, X509Certificate cert, Dss.Content dss) {
		return revocation(seals, cert, dss, null);
	}

	/** @param ca the Miaopi CA's CRL the desk pulled from the hub (null: none held) */
	static Check revocation(SealService seals, X509Certificate cert, Dss.Content dss, org.miaopi.core.audit.CaRevocations ca) {
		if (cert == null) {
			return new Check(CertificateVerifier.REVOCATION, false, "no certificate to check"); //$NON-NLS-1$
		}
		X509CRL current = seals.crl();
		Optional<Instant> revoked = seals.revokedAt(cert);
		if (revoked.isPresent()) {
			return new Check(CertificateVerifier.REVOCATION, false, "the seal certificate was REVOKED at " + revoked.get() + " (Miaopi root CRL)"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Optional<org.miaopi.core.audit.CaRevocations.Revocation> atHub = ca == null ? Optional.empty() : ca.revoked(cert);
		if (atHub.isPresent()) {
			return new Check(CertificateVerifier.REVOCATION, false, "the seal certificate was REVOKED at " + atHub.get().at() //$NON-NLS-1$
					+ (atHub.get().reason() == null ? "" : " (" + atHub.get().reason() + ")") + " (the Miaopi CA's CRL from the hub)"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		for (X509CRL crl : dss.crls()) {
			if (crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal()) && crl.getRevokedCertificate(cert.getSerialNumber()) != null) {
				return new Check(CertificateVerifier.REVOCATION, false, "the seal certificate is on the CRL the document carries"); //$NON-NLS-1$
			}
		}
		return new Check(CertificateVerifier.REVOCATION, true, "not on the Miaopi root's CRL of " + current.getThisUpdate().toInstant() //$NON-NLS-1$
				+ (dss.crls().isEmpty() ? "; the document carries no CRL" //$NON-NLS-1$
						: "; nor on the CRL embedded in the document (the latest of " + dss.crls().stream().map(c -> c.getThisUpdate().toInstant()) //$NON-NLS-1$
								.max(java.util.Comparator.naturalOrder()).orElseThrow() + ")")); //$NON-NLS-1$
	}

}
