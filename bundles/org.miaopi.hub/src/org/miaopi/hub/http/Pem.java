package org.miaopi.hub.http;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** Certificates as PEM text, the form a desk saves and openssl reads. */
public final class Pem {

	private Pem() {
	}

	public static String of(X509Certificate certificate) {
		try {
			return "-----BEGIN CERTIFICATE-----\n" //$NON-NLS-1$
					+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(certificate.getEncoded())
					+ "\n-----END CERTIFICATE-----\n"; //$NON-NLS-1$
		} catch (CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
	}
}
