package org.miaopi.hub.store.internal;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "HUB_MATERIAL")
@IdClass(MaterialRow.Key.class)
public class MaterialRow {
	@Id
	@Column(name = "DOSSIER_ID")
	public long dossierId;
	@Id
	@Column(name = "POSITION")
	public int position;
	@Column(name = "REQUIREMENT")
	public String requirement;
	@Column(name = "HASH")
	public String hash;
	@Column(name = "FILE_NAME")
	public String fileName;
	@Column(name = "MIME_TYPE")
	public String mimeType;
	@Column(name = "FILE_SIZE")
	public long fileSize;
	/** "SOURCE|subject|asOfMs" of the shared record standing in for the file, or null. */
	@Column(name = "REPLACED_BY")
	public String replacedBy;

	/** The composite key (EclipseLink builds it reflectively: a class with a no-argument constructor). */
	public static final class Key implements Serializable {
		private static final long serialVersionUID = 1L;
		public long dossierId;
		public int position;

		@Override
		public boolean equals(Object o) {
			return o instanceof Key k && java.util.Objects.equals(dossierId, k.dossierId) && position == k.position;
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hash(dossierId, position);
		}
	}
}
