package org.miaopi.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A desk's identity towards its hub, kept owner-only in {@code $MIAOPI_HOME/desk/}: its key and
 * certificate ({@code desk.p12}, with a generated password beside it), the hub's root CA
 * ({@code hub-root.pem}, the only certificate it trusts for the hub) and {@code hub.properties}
 * (hub URL, desk name, department), read by the sync client.
 */
public record DeskIdentity(URI hub, String desk, String department, PrivateKey key, X509Certificate certificate,
		X509Certificate root) {

	static final String P12 = "desk.p12"; //$NON-NLS-1$
	static final String PASSWORD = "desk.p12.password"; //$NON-NLS-1$
	static final String ROOT = "hub-root.pem"; //$NON-NLS-1$
	static final String PROPERTIES = "hub.properties"; //$NON-NLS-1$

	/** Mutual TLS with the hub: this desk's key, and only the hub's root trusted. */
	public SSLContext sslContext() throws GeneralSecurityException, IOException {
		return sslContext(null);
	}

	/**
	 * As {@link #sslContext()}, and a hub whose certificate is on the Miaopi CA's CRL the desk holds
	 * ({@code crl}, null for none) is refused at the handshake, with when and why it was revoked.
	 */
	public SSLContext sslContext(java.security.cert.X509CRL crl) throws GeneralSecurityException, IOException {
		char[] pw = new char[0];
		KeyStore keys = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
		keys.load(null, null);
		keys.setKeyEntry("desk", key, pw, new X509Certificate[] { certificate, root }); //$NON-NLS-1$
		KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		kmf.init(keys, pw);
		KeyStore trust = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
		trust.load(null, null);
		trust.setCertificateEntry("hub-root", root); //$NON-NLS-1$
		TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		tmf.init(trust);
		SSLContext ssl = SSLContext.getInstance("TLS"); //$NON-NLS-1$
		javax.net.ssl.TrustManager[] tms = tmf.getTrustManagers();
		if (crl != null) {
			for (int i = 0; i < tms.length; i++) {
				if (tms[i] instanceof javax.net.ssl.X509ExtendedTrustManager x) {
					tms[i] = new org.miaopi.sync.internal.RevokedHubs(x, crl);
				}
			}
		}
		ssl.init(kmf.getKeyManagers(), tms, new SecureRandom());
		return ssl;
	}

	public static String fingerprint(X509Certificate cert) {
		try {
			return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded())); //$NON-NLS-1$ //$NON-NLS-2$
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public void save(Path dir) throws IOException, GeneralSecurityException {
		Files.createDirectories(dir);
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------")); //$NON-NLS-1$
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		char[] pw = Base64.getEncoder().encodeToString(random).toCharArray();
		KeyStore ks = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
		ks.load(null, null);
		ks.setKeyEntry("desk", key, pw, new X509Certificate[] { certificate, root }); //$NON-NLS-1$
		write(dir.resolve(PASSWORD), new String(pw).getBytes(StandardCharsets.US_ASCII));
		try (var bytes = new java.io.ByteArrayOutputStream()) {
			ks.store(bytes, pw);
			write(dir.resolve(P12), bytes.toByteArray());
		}
		write(dir.resolve(ROOT), ("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(root.getEncoded()) //$NON-NLS-1$
				+ "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
		Properties p = new Properties();
		p.setProperty("hub", hub.toString()); //$NON-NLS-1$
		p.setProperty("desk", desk); //$NON-NLS-1$
		p.setProperty("department", department == null ? "" : department); //$NON-NLS-1$ //$NON-NLS-2$
		p.setProperty("hubRootSha256", fingerprint(root)); //$NON-NLS-1$
		try (var out = new java.io.ByteArrayOutputStream()) {
			p.store(out, "this desk's hub (./miaopi enrol)"); //$NON-NLS-1$
			write(dir.resolve(PROPERTIES), out.toByteArray());
		}
	}

	/** The directory a desk keeps its identity in: {@code $MIAOPI_HOME/desk}. */
	public static Path directory(org.miaopi.core.MiaopiHome home) {
		return home.root().resolve("desk"); //$NON-NLS-1$
	}

	/** Whether {@code dir} holds an identity (the desk was enrolled). */
	public static boolean exists(Path dir) {
		return Files.isRegularFile(dir.resolve(PROPERTIES)) && Files.isRegularFile(dir.resolve(P12));
	}

	public static DeskIdentity load(Path dir) throws IOException, GeneralSecurityException {
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(dir.resolve(PROPERTIES))) {
			p.load(in);
		}
		char[] pw = Files.readString(dir.resolve(PASSWORD), StandardCharsets.US_ASCII).strip().toCharArray();
		KeyStore ks = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
		try (InputStream in = Files.newInputStream(dir.resolve(P12))) {
			ks.load(in, pw);
		}
		java.security.cert.Certificate[] chain = ks.getCertificateChain("desk"); //$NON-NLS-1$
		X509Certificate root = certificate(Files.readAllBytes(dir.resolve(ROOT)));
		String dept = p.getProperty("department", ""); //$NON-NLS-1$ //$NON-NLS-2$
		return new DeskIdentity(URI.create(p.getProperty("hub")), p.getProperty("desk"), dept.isEmpty() ? null : dept, //$NON-NLS-1$ //$NON-NLS-2$
				(PrivateKey) ks.getKey("desk", pw), (X509Certificate) chain[0], root); //$NON-NLS-1$
	}

	static X509Certificate certificate(byte[] pem) throws GeneralSecurityException {
		return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem)); //$NON-NLS-1$
	}

	/** Owner-only, written whole or not at all (the CA's CRL beside the identity, too). */
	public static void writeFile(Path file, byte[] bytes) throws IOException {
		write(file, bytes);
	}

	/** Owner-only, written whole or not at all. */
	static void write(Path file, byte[] bytes) throws IOException {
		org.miaopi.core.OwnerOnlyFile.replace(file, bytes);
	}
}
