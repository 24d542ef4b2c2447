package org.miaopi.store.jpa;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "CERTIFICATE")
public class CertificateRow {
	@Id
	@Column(name = "NUMBER")
	String number;
	@Column(name = "DOSSIER_NO")
	String dossierNo;
	@Column(name = "HOLDER_KIND")
	String holderKind;
	@Column(name = "HOLDER_ID")
	String holderId;
	@Column(name = "HOLDER_NAME")
	String holderName;
	@Column(name = "HOLDER_REP")
	String holderRep;
	@Column(name = "MATTER_CODE")
	String matterCode;
	@Column(name = "ISSUED_MS")
	long issuedMs;
	@Column(name = "VALID_FROM")
	LocalDate validFrom;
	@Column(name = "VALID_TO")
	LocalDate validTo;
	@Column(name = "DEPARTMENT_CODE")
	String departmentCode;
	@Column(name = "DOCUMENT_SHA256")
	String documentSha256;
	@Column(name = "REVOKED")
	short revoked;
	@Column(name = "REVOCATION_REASON")
	String revocationReason;
}
