package org.miaopi.hub.push;

import java.io.ByteArrayInputStream;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.miaopi.core.audit.LedgerRecords;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.model.Officer;
import org.miaopi.hub.store.Push;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a pushed decision record on its own (docs/hub.md, "Officers' signatures at the hub"): that
 * it is the record the audit event's {@code decisionDigest} covers, and for an officer's decision
 * that the officer's signature over {@link LedgerRecords#decision} holds with the certificate sent,
 * issued to that officer and valid when they decided. A 秒批 decision carries no signature: its
 * policy, version and inputs digest say what decided. What the hub knows of officers is the store's
 * part ({@code DecisionTrust}).
 */
final class DecisionChecks {

	/** The algorithms desks sign with (Ed25519 officer keys; ECDSA or RSA keys of other token kinds). */
	private static final Set<String> ALGORITHMS = Set.of("Ed25519", "SHA256withECDSA", "SHA256withRSA"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/**
	 * Officers' certificates read before, by the SHA-256 of their DER: an officer signs hundreds of
	 * decisions under one certificate, and reading it again for each was a third of the ingest's time.
	 * Bounded: emptied when full (the next rows read their certificates again).
	 */
	private static final Map<String, Signer> SIGNERS = new java.util.concurrent.ConcurrentHashMap<>();
	private static final int MAX_SIGNERS = 10_000;
	/** BouncyCastle's Ed25519, several times the JDK's speed; the same provider the desk's ledger check uses. */
	private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

	/** A certificate read once: the certificate and the officer it is issued to. */
	private record Signer(X509Certificate certificate, String commonName) {
	}

	private DecisionChecks() {
	}

	/**
	 * @param decision the payload's {@code decision}, or null/missing
	 * @return null when the event wrote no decision record
	 */
	static Push.DecisionCheck check(JsonNode decision, long auditSeq, String dossierNo, String stage, Map<String, String> details) {
		String digest = details.get(LedgerRecords.DECISION_DIGEST);
		boolean sent = decision != null && !decision.isMissingNode() && !decision.isNull();
		if (!sent && digest == null) {
			return null;
		}
		String officer = sent ? decision.path("officer").asText(null) : null; //$NON-NLS-1$
		if (!sent) {
			return refused("the audit event records a decision, but the outbox row carries no decision record", null, 0); //$NON-NLS-1$
		}
		Decision d;
		try {
			d = decision(decision, dossierNo);
		} catch (RuntimeException e) {
			return refused("the decision record is not valid: " + e.getMessage(), officer, 0); //$NON-NLS-1$
		}
		long decided = d.time().toEpochMilli();
		if (digest == null || !LedgerRecords.decisionDigest(auditSeq, d).hex().equals(digest)) {
			return refused("the decision record is not the one its audit event covers (decisionDigest)", d.officerId(), decided); //$NON-NLS-1$
		}
		if (stage != null && !d.kind().resultingStatus().name().equals(stage)) {
			return refused("a " + d.kind() + " decision cannot move the dossier to " + stage, d.officerId(), decided); //$NON-NLS-1$ //$NON-NLS-2$
		}
		JsonNode sig = decision.path("signature"); //$NON-NLS-1$
		if (d.automatic()) {
			String problem = sig.isMissingNode() || sig.isNull() ? null
					: "a 秒批 decision is taken by its policy and carries no officer's signature"; //$NON-NLS-1$
			return new Push.DecisionCheck(problem, d.officerId(), true, null, null, decided);
		}
		return signature(sig, d, LedgerRecords.decision(auditSeq, d));
	}

	private static Push.DecisionCheck signature(JsonNode sig, Decision d, byte[] canonical) {
		String officer = d.officerId();
		long decided = d.time().toEpochMilli();
		if (!sig.isObject()) {
			return refused("officer " + officer + "'s decision is not signed", officer, decided); //$NON-NLS-1$ //$NON-NLS-2$
		}
		String algorithm = sig.path("algorithm").asText(""); //$NON-NLS-1$ //$NON-NLS-2$
		byte[] value;
		byte[] der;
		try {
			value = Base64.getDecoder().decode(sig.path("value").asText("")); //$NON-NLS-1$ //$NON-NLS-2$
			der = Base64.getDecoder().decode(sig.path("certificate").asText("")); //$NON-NLS-1$ //$NON-NLS-2$
		} catch (IllegalArgumentException e) {
			return refused("the decision's signature or certificate is not Base64", officer, decided); //$NON-NLS-1$
		}
		String fingerprint = der.length == 0 ? null : ContentHashing.sha256(der).hex();
		Signer signer = fingerprint == null ? null : SIGNERS.get(fingerprint);
		if (signer == null) {
			try {
				X509Certificate read = (X509Certificate) CertificateFactory.getInstance("X.509") //$NON-NLS-1$
						.generateCertificate(new ByteArrayInputStream(der));
				signer = new Signer(read, commonName(read));
			} catch (Exception e) {
				return new Push.DecisionCheck("the signer's certificate cannot be read as X.509", officer, false, null, null, decided); //$NON-NLS-1$
			}
			if (SIGNERS.size() >= MAX_SIGNERS) {
				SIGNERS.clear();
			}
			SIGNERS.put(fingerprint, signer);
		}
		X509Certificate cert = signer.certificate();
		String cn = signer.commonName();
		if (!officer.equals(cn)) {
			return new Push.DecisionCheck("the signer's certificate is issued to " + cn + ", but the decision names officer " + officer, //$NON-NLS-1$ //$NON-NLS-2$
					officer, false, fingerprint, der, decided);
		}
		try {
			cert.checkValidity(new Date(decided));
		} catch (CertificateExpiredException | CertificateNotYetValidException e) {
			return new Push.DecisionCheck("officer " + officer + "'s certificate was not valid on " + Instant.ofEpochMilli(decided) //$NON-NLS-1$ //$NON-NLS-2$
					+ ", when the decision was taken", officer, false, fingerprint, der, decided); //$NON-NLS-1$
		}
		if (!ALGORITHMS.contains(algorithm) || !holds(algorithm, cert, canonical, value)) {
			return new Push.DecisionCheck("officer " + officer + "'s signature does not hold for this decision: it was changed after it" //$NON-NLS-1$ //$NON-NLS-2$
					+ " was signed, or signed with another key", officer, false, fingerprint, der, decided); //$NON-NLS-1$
		}
		return new Push.DecisionCheck(null, officer, false, fingerprint, der, decided);
	}

	private static boolean holds(String algorithm, X509Certificate cert, byte[] canonical, byte[] value) {
		try {
			Signature s = Signature.getInstance(algorithm, BC);
			s.initVerify(cert.getPublicKey());
			s.update(canonical);
			return s.verify(value);
		} catch (Exception e) {
			return false; // a key of another kind than the algorithm named, a damaged value
		}
	}

	private static String commonName(X509Certificate cert) {
		RDN[] cn = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
		return cn.length == 0 ? null : IETFUtils.valueToString(cn[0].getFirst().getValue());
	}

	private static Decision decision(JsonNode j, String dossierNo) {
		List<String> reasons = new ArrayList<>();
		j.path("reasons").forEach(r -> reasons.add(r.asText())); //$NON-NLS-1$
		String inputs = text(j, "inputsDigest"); //$NON-NLS-1$
		return new Decision(dossierNo, DecisionKind.valueOf(j.path("kind").asText("")), reasons, text(j, "legalBasis"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				j.path("officer").asText(Officer.SYSTEM_ID), Instant.parse(j.path("decidedAt").asText("")), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				j.path("automatic").asBoolean(false), text(j, "justification"), text(j, "policyId"), text(j, "policyVersion"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				inputs == null ? null : Sha256.parse(inputs));
	}

	private static String text(JsonNode j, String field) {
		JsonNode v = j.get(field);
		return v == null || v.isNull() ? null : v.asText();
	}

	private static Push.DecisionCheck refused(String why, String officer, long decidedMs) {
		return new Push.DecisionCheck(why, officer == null ? "" : officer, false, null, null, decidedMs); //$NON-NLS-1$
	}
}
