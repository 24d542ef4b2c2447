package org.miaopi.sync.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The desk's trust in the hub's TLS certificate, with the Miaopi CA's CRL the desk holds: a chain the
 * root vouches for is still refused when the hub's certificate is on that CRL (docs/hub.md, "The CA's
 * CRL at the desk"). The CRL was checked against the root when it was kept.
 */
public final class RevokedHubs extends X509ExtendedTrustManager {

	private final X509ExtendedTrustManager trust;
	private final X509CRL crl;

	public RevokedHubs(X509ExtendedTrustManager trust, X509CRL crl) {
		this.trust = trust;
		this.crl = crl;
	}

	private void notRevoked(X509Certificate[] chain) throws CertificateException {
		if (chain == null || chain.length == 0 || !chain[0].getIssuerX500Principal().equals(crl.getIssuerX500Principal())) {
			return;
		}
		X509CRLEntry e = crl.getRevokedCertificate(chain[0]);
		if (e != null) {
			throw new CertificateException("the hub's certificate (serial " + chain[0].getSerialNumber().toString(16) //$NON-NLS-1$
					+ ") was revoked by the Miaopi CA on " + e.getRevocationDate().toInstant() //$NON-NLS-1$
					+ (e.getRevocationReason() == null ? "" : " (" + e.getRevocationReason() + ")") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ "; this desk does not talk to it"); //$NON-NLS-1$
		}
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
		trust.checkServerTrusted(chain, authType, socket);
		notRevoked(chain);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
		trust.checkServerTrusted(chain, authType, engine);
		notRevoked(chain);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		trust.checkServerTrusted(chain, authType);
		notRevoked(chain);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
		trust.checkClientTrusted(chain, authType, socket);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
		trust.checkClientTrusted(chain, authType, engine);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		trust.checkClientTrusted(chain, authType);
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return trust.getAcceptedIssuers();
	}
}
