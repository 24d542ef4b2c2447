package org.miaopi.hub.store.internal;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One outbox row a desk pushed, as the hub received it; REFUSED says why it was not applied. */
@Entity
@Table(name = "HUB_DESK_EVENT")
@IdClass(DeskEventRow.Key.class)
public class DeskEventRow {
	@Id
	@Column(name = "DESK")
	public String desk;
	@Id
	@Column(name = "SEQ")
	public long seq;
	@Column(name = "KIND")
	public String kind;
	@Column(name = "DOSSIER_NO")
	public String dossierNo;
	@Column(name = "AUDIT_SEQ")
	public long auditSeq;
	@Column(name = "HASH")
	public String hash;
	@Column(name = "PAYLOAD")
	public String payload;
	@Column(name = "CREATED_MS")
	public long createdMs;
	@Column(name = "RECEIVED_MS")
	public long receivedMs;
	@Column(name = "REFUSED")
	public String refused;

	/** The composite key (desk, outbox sequence). */
	public static final class Key implements Serializable {
		private static final long serialVersionUID = 1L;
		public String desk;
		public long seq;

		@Override
		public boolean equals(Object o) {
			return o instanceof Key k && java.util.Objects.equals(desk, k.desk) && seq == k.seq;
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hash(desk, seq);
		}
	}
}
