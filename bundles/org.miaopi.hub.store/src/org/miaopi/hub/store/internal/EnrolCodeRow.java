package org.miaopi.hub.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A one-time enrolment code, kept only as its SHA-256. */
@Entity
@Table(name = "HUB_ENROL_CODE")
public class EnrolCodeRow {
	@Id
	@Column(name = "CODE_HASH")
	public String codeHash;
	@Column(name = "ROLE")
	public String role;
	@Column(name = "DEPARTMENT")
	public String department;
	@Column(name = "CREATED_MS")
	public long createdMs;
	@Column(name = "EXPIRES_MS")
	public long expiresMs;
	@Column(name = "USED_MS")
	public Long usedMs;
	@Column(name = "USED_BY")
	public String usedBy;
}
