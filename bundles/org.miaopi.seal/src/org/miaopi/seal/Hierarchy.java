package org.miaopi.seal;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.miaopi.seal.internal.Pki;
import org.miaopi.seal.internal.Pki.Role;

/**
 * The demo trust hierarchy: the Miaopi root CA and what it certifies (the timestamp authority,
 * one seal per department, officers' signing keys), with their names. New keys are stored in
 * the keystore as they are made; saving it is the caller's step.
 */
final class Hierarchy {

	/** The demo departments: code and the name set on the seal's arc. */
	static final Map<String, String> DEMO_DEPARTMENTS = demoDepartments();

	static final String ROOT = "root"; //$NON-NLS-1$
	static final String TSA = "tsa"; //$NON-NLS-1$
	static final String SEAL_PREFIX = "seal-"; //$NON-NLS-1$
	/** A department's earlier seal certificate, kept after a rotation: {@code retired-<code>-<serial in hex>}. */
	static final String RETIRED_PREFIX = "retired-"; //$NON-NLS-1$
	static final String OFFICER_PREFIX = "officer-"; //$NON-NLS-1$
	static final String TLS_SERVER = "tls-server"; //$NON-NLS-1$

	private final SealKeystore keystore;
	private final KeyAlgorithm algorithm;
	private Seal root;

	Hierarchy(SealKeystore keystore, KeyAlgorithm algorithm) {
		this.keystore = keystore;
		this.algorithm = algorithm;
	}

	Seal root() {
		return root;
	}

	void useRoot(Seal existing) {
		root = existing;
	}

	/** A new self-signed root, valid ten years. */
	Seal newRoot(Instant now) {
		KeyPair keys = Pki.newKeyPair(algorithm);
		X500Name dn = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "Miaopi Demo") //$NON-NLS-1$ //$NON-NLS-2$
				.addRDN(BCStyle.CN, "Miaopi Demo Root CA " + now.toString().substring(0, 10)).build(); //$NON-NLS-1$
		X509Certificate cert = Pki.certificate(Role.ROOT, dn, keys.getPublic(), null, keys.getPrivate(), now.minus(Duration.ofMinutes(5)),
				now.plus(Duration.ofDays(10 * 365)));
		root = new Seal("ROOT", "Miaopi Demo Root CA", keys.getPrivate(), Pki.BC, new X509Certificate[] { cert }); //$NON-NLS-1$ //$NON-NLS-2$
		keystore.put(ROOT, root);
		return root;
	}

	Seal timestampAuthority(Instant notBefore, Instant notAfter) {
		X500Name dn = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "Miaopi Demo") //$NON-NLS-1$ //$NON-NLS-2$
				.addRDN(BCStyle.CN, "Miaopi Demo Timestamp Authority").build(); //$NON-NLS-1$
		return issue(Role.TIMESTAMP, TSA, dn, "TSA", "Miaopi Demo Timestamp Authority", notBefore, notAfter); //$NON-NLS-1$ //$NON-NLS-2$
	}

	Seal seal(String code, String name, Instant notBefore, Instant notAfter) {
		return issue(Role.SEAL, SEAL_PREFIX + code.toLowerCase(java.util.Locale.ROOT), sealName(code, name), code, name, notBefore, notAfter);
	}

	Seal officer(String id, String officerId, Instant notBefore, Instant notAfter) {
		X500Name dn = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "Miaopi Demo") //$NON-NLS-1$ //$NON-NLS-2$
				.addRDN(BCStyle.OU, "Officers").addRDN(BCStyle.CN, officerId).build(); //$NON-NLS-1$
		return issue(Role.OFFICER, OFFICER_PREFIX + id, dn, id, officerId, notBefore, notAfter);
	}

	/** The hub's HTTPS key and certificate for these host names. */
	Seal tlsServer(List<String> hostNames, Instant notBefore, Instant notAfter) {
		X500Name dn = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "Miaopi Demo") //$NON-NLS-1$ //$NON-NLS-2$
				.addRDN(BCStyle.OU, "Hub").addRDN(BCStyle.CN, hostNames.get(0)).build(); //$NON-NLS-1$
		KeyPair keys = Pki.newKeyPair(algorithm);
		X509Certificate cert = Pki.certificate(Role.TLS_SERVER, dn, keys.getPublic(), root.certificate(), root.key(), notBefore, notAfter,
				hostNames);
		Seal seal = new Seal("HUB", "Miaopi Hub", keys.getPrivate(), Pki.BC, new X509Certificate[] { cert, root.certificate() }); //$NON-NLS-1$ //$NON-NLS-2$
		keystore.put(TLS_SERVER, seal);
		return seal;
	}

	/** A TLS client certificate by the root for a key the client made (it never leaves the client). */
	X509Certificate tlsClient(java.security.PublicKey key, String name, String unit, Instant notBefore, Instant notAfter) {
		X500Name dn = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "Miaopi Demo") //$NON-NLS-1$ //$NON-NLS-2$
				.addRDN(BCStyle.OU, unit).addRDN(BCStyle.CN, name).build();
		return Pki.certificate(Role.TLS_CLIENT, dn, key, root.certificate(), root.key(), notBefore, notAfter);
	}

	/** A certificate by the root for an officer's key held in the officer's own keystore; CN is the officer id. */
	X509Certificate certifyOfficer(String officerId, java.security.PublicKey key, Instant notBefore, Instant notAfter) {
		X500Name dn = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "Miaopi Demo") //$NON-NLS-1$ //$NON-NLS-2$
				.addRDN(BCStyle.OU, "Officers").addRDN(BCStyle.CN, officerId).build(); //$NON-NLS-1$
		return Pki.certificate(Role.OFFICER, dn, key, root.certificate(), root.key(), notBefore, notAfter);
	}

	/** A certificate by the root for a key held elsewhere (a PKCS#11 token). */
	X509Certificate certifySeal(String code, String name, java.security.PublicKey key, Instant notBefore, Instant notAfter) {
		return Pki.certificate(Role.SEAL, sealName(code, name), key, root.certificate(), root.key(), notBefore, notAfter);
	}

	private Seal issue(Role role, String alias, X500Name dn, String code, String name, Instant notBefore, Instant notAfter) {
		KeyPair keys = Pki.newKeyPair(algorithm);
		X509Certificate cert = Pki.certificate(role, dn, keys.getPublic(), root.certificate(), root.key(), notBefore, notAfter);
		Seal seal = new Seal(code, name, keys.getPrivate(), Pki.BC, new X509Certificate[] { cert, root.certificate() });
		keystore.put(alias, seal);
		return seal;
	}

	private static X500Name sealName(String code, String name) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "Miaopi Demo") //$NON-NLS-1$ //$NON-NLS-2$
				.addRDN(BCStyle.OU, code).addRDN(BCStyle.CN, name).build();
	}

	private static Map<String, String> demoDepartments() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("MKT", "秒批示范区市场监督管理局"); //$NON-NLS-1$ //$NON-NLS-2$
		m.put("HRSS", "秒批示范区人力资源和社会保障局"); //$NON-NLS-1$ //$NON-NLS-2$
		m.put("CIVIL", "秒批示范区民政局"); //$NON-NLS-1$ //$NON-NLS-2$
		return Collections.unmodifiableMap(m);
	}
}
