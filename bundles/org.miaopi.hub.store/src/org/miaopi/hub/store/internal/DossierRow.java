package org.miaopi.hub.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A routed dossier. Its id is drawn under the HUB_SEQUENCE row lock inside the importing
 * transaction (see {@code Sequences}), so ids become visible in the order they were given: the
 * department's pull cursor never skips a dossier committed late.
 */
@Entity
@Table(name = "HUB_DOSSIER")
public class DossierRow {
	@Id
	@Column(name = "ID")
	public long id;
	@Column(name = "SUBMISSION_ID")
	public String submissionId;
	@Column(name = "DEPARTMENT")
	public String department;
	@Column(name = "MATTER_CODE")
	public String matterCode;
	@Column(name = "THEME_CODE")
	public String themeCode;
	@Column(name = "THEME_SUBMISSION_ID")
	public String themeSubmissionId;
	/** N natural person, L legal person. */
	@Column(name = "APPLICANT_KIND")
	public String applicantKind;
	@Column(name = "SUBJECT_ID")
	public String subjectId;
	@Column(name = "APPLICANT_NAME")
	public String applicantName;
	@Column(name = "LEGAL_REP")
	public String legalRep;
	/** JSON object of the declared fields, in form order. */
	@Column(name = "DECLARED")
	public String declared;
	@Column(name = "SUBMITTED_MS")
	public long submittedMs;
	@Column(name = "RECEIVED_MS")
	public long receivedMs;
}
