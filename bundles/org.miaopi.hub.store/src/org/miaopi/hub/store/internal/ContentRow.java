package org.miaopi.hub.store.internal;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A material file, once under its SHA-256. */
@Entity
@Table(name = "HUB_CONTENT")
public class ContentRow {
	@Id
	@Column(name = "HASH")
	public String hash;
	@Column(name = "MIME_TYPE")
	public String mimeType;
	@Column(name = "FILE_SIZE")
	public long fileSize;
	@Lob
	@Basic(fetch = FetchType.LAZY)
	@Column(name = "BYTES")
	public byte[] bytes;
}
