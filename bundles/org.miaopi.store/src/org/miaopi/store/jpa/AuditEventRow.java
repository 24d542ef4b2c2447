package org.miaopi.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** Append-only: the store inserts these and never updates or deletes one (except {@code clear()} for demo refills). */
@Entity
@Table(name = "AUDIT_EVENT")
public class AuditEventRow {
	@Id
	@Column(name = "SEQ")
	long seq;
	@Column(name = "EVENT_MS")
	long eventMs;
	@Column(name = "ACTOR")
	String actor;
	@Column(name = "DOSSIER_NO")
	String dossierNo;
	@Column(name = "TYPE")
	String type;
	@Lob
	@Column(name = "DETAILS")
	String details;
	@Column(name = "PREV_HASH")
	String prevHash;
	@Column(name = "HASH")
	String hash;
}
