package org.miaopi.hub.store.internal;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A ledger checkpoint the hub signed for a desk. */
@Entity
@Table(name = "HUB_CHECKPOINT")
@IdClass(CheckpointRow.Key.class)
public class CheckpointRow {
	@Id
	@Column(name = "DESK")
	public String desk;
	@Id
	@Column(name = "SEQ")
	public long seq;
	@Column(name = "HEAD_HASH")
	public String headHash;
	/** Base64 of the hub's signature over "desk|seq|headHash". */
	@Column(name = "SIGNATURE")
	public String signature;
	@Column(name = "SIGNED_MS")
	public long signedMs;

	/** The composite key (EclipseLink builds it reflectively: a class with a no-argument constructor). */
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
