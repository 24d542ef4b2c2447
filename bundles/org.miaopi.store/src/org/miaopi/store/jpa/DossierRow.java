package org.miaopi.store.jpa;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "DOSSIER")
public class DossierRow {
	@Id
	@Column(name = "NUMBER")
	String number;
	@Column(name = "MATTER_CODE")
	String matterCode;
	@Column(name = "THEME_NO")
	String themeNo;
	/** N natural person, L legal person. */
	@Column(name = "APPLICANT_KIND")
	String applicantKind;
	@Column(name = "SUBJECT_ID")
	String subjectId;
	@Column(name = "APPLICANT_NAME")
	String applicantName;
	/** The name's collation key, the queue's name order (NameKeys). */
	@Column(name = "APPLICANT_KEY")
	String applicantKey;
	@Column(name = "LEGAL_REP")
	String legalRep;
	@Lob
	@Column(name = "DECLARED")
	String declared;
	@Column(name = "RECEIVED_MS")
	long receivedMs;
	@Column(name = "DEADLINE")
	LocalDate deadline;
	@Column(name = "STATUS")
	String status;
	@Column(name = "OFFICER_ID")
	String officerId;
	@Column(name = "DEPARTMENT_CODE")
	String departmentCode;
	/** Optimistic lock: two desks changing the same dossier cannot both win. */
	@Version
	@Column(name = "VERSION")
	int version;
}
