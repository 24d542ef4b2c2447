package org.miaopi.store.jpa;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "MATERIAL")
@IdClass(MaterialRow.Key.class)
public class MaterialRow {
	@Id
	@Column(name = "DOSSIER_NO")
	String dossierNo;
	@Id
	@Column(name = "ID")
	String id;
	@Column(name = "REQUIREMENT_CODE")
	String requirementCode;
	@Column(name = "CONTENT_HASH")
	String contentHash;
	@Column(name = "FILE_NAME")
	String fileName;
	@Column(name = "MIME_TYPE")
	String mimeType;
	@Column(name = "FILE_SIZE")
	long fileSize;
	@Column(name = "REPLACED_SOURCE")
	String replacedSource;
	@Column(name = "REPLACED_SUBJECT")
	String replacedSubject;
	@Column(name = "REPLACED_AS_OF_MS")
	Long replacedAsOfMs;

	public static class Key implements Serializable {
		private static final long serialVersionUID = 1L;
		String dossierNo;
		String id;

		public Key() {
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Key k && Objects.equals(dossierNo, k.dossierNo) && Objects.equals(id, k.id);
		}

		@Override
		public int hashCode() {
			return Objects.hash(dossierNo, id);
		}
	}
}
