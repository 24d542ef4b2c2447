package org.miaopi.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

@Entity
@Table(name = "SHARED_RECORD")
public class SharedRecordRow {
	/** source|subject|asOf: the same record received twice is stored once. */
	@Id
	@Column(name = "ID")
	String id;
	@Column(name = "SOURCE")
	String source;
	@Column(name = "SUBJECT_ID")
	String subjectId;
	@Column(name = "AS_OF_MS")
	long asOfMs;
	@Lob
	@Column(name = "FIELDS")
	String fields;
}
