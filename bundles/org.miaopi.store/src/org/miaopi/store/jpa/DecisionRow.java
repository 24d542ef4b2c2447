package org.miaopi.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "DECISION")
public class DecisionRow {
	/** The sequence of the audit event written with the decision. */
	@Id
	@Column(name = "ID")
	long id;
	@Column(name = "DOSSIER_NO")
	String dossierNo;
	@Column(name = "KIND")
	String kind;
	/** Reason codes separated by commas. */
	@Column(name = "REASON_CODES")
	String reasonCodes;
	@Column(name = "LEGAL_BASIS")
	String legalBasis;
	@Column(name = "OFFICER_ID")
	String officerId;
	@Column(name = "DECIDED_MS")
	long decidedMs;
	@Column(name = "AUTOMATIC")
	short automatic;
	@Column(name = "JUSTIFICATION")
	String justification;
	@Column(name = "POLICY_ID")
	String policyId;
	@Column(name = "POLICY_VERSION")
	String policyVersion;
	@Column(name = "INPUTS_DIGEST")
	String inputsDigest;
	/** The officer's signature (schema 11): null for 秒批 and imported decisions. */
	@Column(name = "SIG_ALGORITHM")
	String sigAlgorithm;
	/** Base64 of the detached signature over {@code LedgerRecords.decision(id, …)}. */
	@Column(name = "SIGNATURE")
	String signature;
	/** SHA-256 of the signer's certificate, kept in SIGNER_CERTIFICATE. */
	@Column(name = "SIGNER_CERT")
	String signerCert;
}
