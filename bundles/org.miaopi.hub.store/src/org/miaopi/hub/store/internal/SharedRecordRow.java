package org.miaopi.hub.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

@Entity
@Table(name = "HUB_SHARED_RECORD")
@TableGenerator(name = "recordIds", table = "HUB_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE", pkColumnValue = "RECORD", allocationSize = 500)
public class SharedRecordRow {
	@Id
	@GeneratedValue(strategy = GenerationType.TABLE, generator = "recordIds")
	@Column(name = "ID")
	public long id;
	@Column(name = "SOURCE")
	public String source;
	@Column(name = "SUBJECT_ID")
	public String subjectId;
	@Column(name = "AS_OF_MS")
	public long asOfMs;
	@Column(name = "FIELDS")
	public String fields;
	@Column(name = "RECEIVED_MS")
	public long receivedMs;
}
