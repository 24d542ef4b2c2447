package org.miaopi.hub;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.miaopi.seal.Seal;
import org.miaopi.seal.SealService;

/**
 * The hub's side of mutual TLS: its server key and certificate from the Miaopi CA, and the CA's
 * root as the only trust anchor for client certificates. A client certificate is asked for but not
 * required at the TLS layer (enrolment comes without one); every other endpoint requires it.
 */
final class HubTls {

	static final List<String> HOST_NAMES = List.of("localhost", "127.0.0.1"); //$NON-NLS-1$ //$NON-NLS-2$

	private HubTls() {
	}

	static SslContextFactory.Server serverContext(SealService seals) throws Exception {
		Seal tls = seals.tlsServer(HOST_NAMES);
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		char[] password = Base64.getEncoder().encodeToString(random).toCharArray();
		KeyStore keys = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
		keys.load(null, null);
		keys.setKeyEntry("hub", tls.key(), password, tls.chain()); //$NON-NLS-1$
		// stored and read back, so that the JDK's own providers hold the key for the TLS handshake
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		keys.store(bytes, password);
		KeyStore reloaded = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
		reloaded.load(new ByteArrayInputStream(bytes.toByteArray()), password);
		KeyStore trust = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
		trust.load(null, null);
		trust.setCertificateEntry("miaopi-root", seals.root()); //$NON-NLS-1$
		SslContextFactory.Server ssl = new SslContextFactory.Server();
		ssl.setKeyStore(reloaded);
		ssl.setKeyStorePassword(new String(password));
		ssl.setTrustStore(trust);
		ssl.setWantClientAuth(true);
		ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2"); //$NON-NLS-1$ //$NON-NLS-2$
		return ssl;
	}
}
