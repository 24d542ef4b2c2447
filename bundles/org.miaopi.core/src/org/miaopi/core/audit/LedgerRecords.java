package org.miaopi.core.audit;

import java.util.Map;
import java.util.TreeMap;

import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.LegalPerson;

/**
 * The records the audit chain covers by digest, beyond its own events: each decision row and each
 * dossier's declared data as taken in. The event that writes such a record carries its digest in
 * {@link #DECISION_DIGEST} or {@link #DECLARED_DIGEST}, so the chain's hash covers the record, and
 * {@code audit verify} recomputes the digest from the row as it is now: an {@code UPDATE} of a
 * justification or a declared value no longer goes unnoticed.
 *
 * <p>Each record is encoded like the chain ({@link Encoder}), under a version tag, with times as
 * epoch milliseconds (what the store keeps). An officer's decision signature is over
 * {@link #decision} exactly: the same bytes, whoever computes them, from the object or from the row.
 */
public final class LedgerRecords {

	/** Detail of a decision's event: the SHA-256 of {@link #decision} for that event's sequence. */
	public static final String DECISION_DIGEST = "decisionDigest";
	/** Detail of a dossier's intake event: the SHA-256 of {@link #declared}. */
	public static final String DECLARED_DIGEST = "declaredDigest";

	private static final String DECISION_V1 = "miaopi-decision-v1";
	private static final String DECLARED_V1 = "miaopi-declared-v1";

	private LedgerRecords() {
	}

	/** The canonical bytes of a decision recorded by event {@code event}: what an officer signs. */
	public static byte[] decision(long event, Decision d) {
		return decision(event, d.dossierNo(), d.kind().name(), String.join(",", d.reasonCodes()), d.legalBasis(),
				d.officerId(), d.time().toEpochMilli(), d.automatic(), d.justification(), d.policyId(), d.policyVersion(),
				d.inputsDigest() == null ? null : d.inputsDigest().hex());
	}

	/** {@link #decision(long, Decision)} from a row's columns, reason codes comma-separated as stored. */
	public static byte[] decision(long event, String dossierNo, String kind, String reasonCodes, String legalBasis,
			String officerId, long decidedMs, boolean automatic, String justification, String policyId,
			String policyVersion, String inputsDigestHex) {
		return new Encoder().field(DECISION_V1).field(Long.toString(event)).field(dossierNo).field(kind)
				.field(reasonCodes).field(legalBasis).field(officerId).field(Long.toString(decidedMs))
				.field(automatic ? "1" : "0").field(justification).field(policyId).field(policyVersion)
				.field(inputsDigestHex).bytes();
	}

	public static Sha256 decisionDigest(long event, Decision d) {
		return ContentHashing.sha256(decision(event, d));
	}

	/** The canonical bytes of what the applicant declared, as taken in (status and assignment are left out: they move). */
	public static byte[] declared(Dossier d) {
		return declared(d.number(), d.matterCode(), d.themeDossierNo(), d.applicant().subjectId(), d.applicant().name(),
				d.applicant() instanceof LegalPerson l ? l.legalRepresentative() : null, d.declaredData(),
				d.received().toEpochMilli());
	}

	public static byte[] declared(String number, String matterCode, String themeNo, String subjectId, String applicantName,
			String legalRep, Map<String, String> declared, long receivedMs) {
		Encoder out = new Encoder().field(DECLARED_V1).field(number).field(matterCode).field(themeNo).field(subjectId)
				.field(applicantName).field(legalRep).field(Long.toString(receivedMs));
		Map<String, String> sorted = new TreeMap<>(declared);
		out.length(sorted.size());
		sorted.forEach((k, v) -> out.field(k).field(v));
		return out.bytes();
	}

	public static Sha256 declaredDigest(Dossier d) {
		return ContentHashing.sha256(declared(d));
	}
}
