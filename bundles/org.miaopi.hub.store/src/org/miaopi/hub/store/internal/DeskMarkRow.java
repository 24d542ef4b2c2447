package org.miaopi.hub.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last outbox sequence the hub applied for a desk: the truth the desk re-sends from. */
@Entity
@Table(name = "HUB_DESK_MARK")
public class DeskMarkRow {
	@Id
	@Column(name = "DESK")
	public String desk;
	@Column(name = "HIGH_WATER")
	public long highWater;
	@Column(name = "HEAD_HASH")
	public String headHash;
	@Column(name = "UPDATED_MS")
	public long updatedMs;
}
