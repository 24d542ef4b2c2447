package org.miaopi.store.jpa;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A material file, stored once under its SHA-256 however many dossiers carry it. */
@Entity
@Table(name = "CONTENT")
public class ContentRow {
	@Id
	@Column(name = "HASH")
	String hash;
	@Column(name = "MIME_TYPE")
	String mimeType;
	@Column(name = "FILE_SIZE")
	long fileSize;
	@Lob
	@Basic(fetch = FetchType.LAZY)
	@Column(name = "BYTES")
	byte[] bytes;
}
