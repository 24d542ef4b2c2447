package org.miaopi.seal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

/**
 * A department's electronic seal (电子印章): its key, its certificate chain up to the Miaopi root,
 * and the name drawn on its red seal image.
 *
 * @param departmentCode short code, e.g. "MKT"
 * @param departmentName the name set on the seal's arc, in Chinese
 * @param key            the private key (software or a PKCS#11 token's)
 * @param provider       JCA provider that can use {@code key} ("BC", or a SunPKCS11 instance name)
 * @param chain          seal certificate first, root last
 */
public record Seal(String departmentCode, String departmentName, PrivateKey key, String provider, X509Certificate[] chain) {

	public X509Certificate certificate() {
		return chain[0];
	}

	public KeyAlgorithm algorithm() {
		return KeyAlgorithm.of(certificate().getPublicKey().getAlgorithm());
	}

	/** Refuses an expired or not-yet-valid seal certificate. Revocation is checked by the service. */
	public void checkValidAt(Instant when) {
		Date at = Date.from(when);
		if (at.after(certificate().getNotAfter()) || at.before(certificate().getNotBefore())) {
			throw new SealException(SealException.Code.SEAL_EXPIRED, "the seal certificate of " + departmentCode //$NON-NLS-1$
					+ " is valid from " + certificate().getNotBefore().toInstant() + " to " //$NON-NLS-1$ //$NON-NLS-2$
					+ certificate().getNotAfter().toInstant() + "; it cannot seal at " + when); //$NON-NLS-1$
		}
	}
}
