package org.miaopi.hub.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dossier's progress as its applicant follows it; FEED_SEQ is raised on every change. */
@Entity
@Table(name = "HUB_PROGRESS")
public class ProgressRow {
	@Id
	@Column(name = "SUBMISSION_ID")
	public String submissionId;
	@Column(name = "DOSSIER_ID")
	public long dossierId;
	@Column(name = "DEPARTMENT")
	public String department;
	@Column(name = "STAGE")
	public String stage;
	@Column(name = "DAYS_USED")
	public int daysUsed;
	@Column(name = "DAYS_LEFT")
	public int daysLeft;
	@Column(name = "OUTCOME")
	public String outcome;
	/** Reason codes, comma separated. */
	@Column(name = "REASONS")
	public String reasons;
	@Column(name = "CERTIFICATE_NO")
	public String certificateNo;
	@Column(name = "UPDATED_MS")
	public long updatedMs;
	@Column(name = "FEED_SEQ")
	public long feedSeq;
	/** The desk that holds the dossier at the hub (schema 2); null while none does. */
	@Column(name = "HOLDER_DESK")
	public String holderDesk;
	/** Why the last decision its desk pushed was refused (schema 4); null when none was, or a later one stood. */
	@Column(name = "REFUSED_DECISION")
	public String refusedDecision;
}
