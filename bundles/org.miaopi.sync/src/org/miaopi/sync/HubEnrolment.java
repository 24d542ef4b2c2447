package org.miaopi.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.miaopi.sync.internal.HubClients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The desk's side of enrolment: it makes its own key (which never leaves it), asks the hub to
 * certify it with a one-time code, and keeps the hub's root as its only trust anchor for the hub.
 * The desk cannot yet know the hub's certificate: it checks that the hub's TLS certificate chains
 * to the root the hub sends, and to the root fingerprint the admin gave, when given.
 */
public final class HubEnrolment {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Refused by the hub, or the hub's answer did not hold up: the message says which. */
	public static final class EnrolFailed extends Exception {
		private static final long serialVersionUID = 1L;

		EnrolFailed(String message) {
			super(message);
		}
	}

	private HubEnrolment() {
	}

	/**
	 * @param rootFingerprint the hub root's SHA-256 fingerprint as the admin read it out, or null to
	 *                        trust the root on first use (it is printed for comparison)
	 */
	public static DeskIdentity enrol(URI hub, String desk, String department, String code, String rootFingerprint)
			throws IOException, InterruptedException, GeneralSecurityException, EnrolFailed {
		KeyPairGenerator g = KeyPairGenerator.getInstance("EC"); //$NON-NLS-1$
		g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom()); //$NON-NLS-1$
		KeyPair keys = g.generateKeyPair();
		byte[] csr;
		try {
			csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + desk), keys.getPublic()) //$NON-NLS-1$
					.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded(); //$NON-NLS-1$
		} catch (org.bouncycastle.operator.OperatorCreationException e) {
			throw new GeneralSecurityException(e);
		}
		String body = JSON.createObjectNode().put("code", code).put("desk", desk) //$NON-NLS-1$ //$NON-NLS-2$
				.put("csr", Base64.getEncoder().encodeToString(csr)).toString(); //$NON-NLS-1$
		String[] seenRoot = new String[1];
		HttpClient client = HubClients.of(firstContact(rootFingerprint, seenRoot), Duration.ofSeconds(10));
		HttpResponse<String> response;
		try {
			response = client.send(HttpRequest.newBuilder(hub.resolve("/v1/enrol")) //$NON-NLS-1$
					.header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)) //$NON-NLS-1$ //$NON-NLS-2$
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
		} catch (IOException e) {
			if (seenRoot[0] != null) {
				throw new EnrolFailed("the hub's root fingerprint is " + seenRoot[0] + ", not the one given: nothing was sent"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			throw e;
		}
		JsonNode answer = JSON.readTree(response.body());
		if (response.statusCode() != 200) {
			throw new EnrolFailed("the hub refused the enrolment (" + response.statusCode() + "): " + answer.path("reason").asText(response.body())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		X509Certificate cert = DeskIdentity.certificate(answer.path("certificate").asText().getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
		X509Certificate root = DeskIdentity.certificate(answer.path("root").asText().getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
		root.verify(root.getPublicKey());
		cert.verify(root.getPublicKey());
		if (!cert.getPublicKey().equals(keys.getPublic())) {
			throw new EnrolFailed("the hub certified another key than this desk's"); //$NON-NLS-1$
		}
		X509Certificate server = serverCertificate(response);
		try {
			server.verify(root.getPublicKey());
		} catch (GeneralSecurityException e) {
			throw new EnrolFailed("the hub's TLS certificate is not from the root it sent: not enrolled"); //$NON-NLS-1$
		}
		if (rootFingerprint != null && !normalize(rootFingerprint).equals(normalize(DeskIdentity.fingerprint(root)))) {
			throw new EnrolFailed("the hub's root fingerprint is " + DeskIdentity.fingerprint(root) + ", not the one given: not enrolled"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		String granted = answer.path("department").isTextual() ? answer.get("department").asText() : null; //$NON-NLS-1$ //$NON-NLS-2$
		if (department != null && !department.equalsIgnoreCase(granted == null ? "INTAKE" : granted)) { //$NON-NLS-1$
			throw new EnrolFailed("the code was for " + (granted == null ? "an intake platform" : "department " + granted) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ ", not " + department + "; the desk is enrolled as the code says: ask the admin to revoke it if that is wrong"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return new DeskIdentity(hub, answer.path("desk").asText(desk), granted, keys.getPrivate(), cert, root); //$NON-NLS-1$
	}

	private static X509Certificate serverCertificate(HttpResponse<?> response) throws EnrolFailed {
		try {
			Certificate[] chain = response.sslSession().orElseThrow(() -> new EnrolFailed("the hub did not answer over HTTPS")).getPeerCertificates(); //$NON-NLS-1$
			return (X509Certificate) chain[0];
		} catch (SSLPeerUnverifiedException e) {
			throw new EnrolFailed("the hub showed no certificate"); //$NON-NLS-1$
		}
	}

	/**
	 * The first contact's trust: with a fingerprint, only a hub whose chain ends in that root (so
	 * the code is never sent to another server); without, any, checked against the root it sends.
	 */
	private static SSLContext firstContact(String fingerprint, String[] seenRoot) throws GeneralSecurityException {
		TrustManager recordOnly = new X509TrustManager() {
			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) {
				// not a server
			}

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
				if (fingerprint == null) {
					return; // checked after the exchange, against the root the hub sends
				}
				X509Certificate root = chain[chain.length - 1];
				if (!normalize(DeskIdentity.fingerprint(root)).equals(normalize(fingerprint))) {
					seenRoot[0] = DeskIdentity.fingerprint(root);
					throw new java.security.cert.CertificateException("not the hub's root"); //$NON-NLS-1$
				}
				try {
					chain[0].verify(root.getPublicKey());
				} catch (GeneralSecurityException e) {
					throw new java.security.cert.CertificateException("the hub's certificate is not from its root", e); //$NON-NLS-1$
				}
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return new X509Certificate[0];
			}
		};
		SSLContext ssl = SSLContext.getInstance("TLS"); //$NON-NLS-1$
		ssl.init(null, new TrustManager[] { recordOnly }, new SecureRandom());
		return ssl;
	}

	private static String normalize(String fingerprint) {
		return fingerprint.replace(":", "").strip().toUpperCase(java.util.Locale.ROOT); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
