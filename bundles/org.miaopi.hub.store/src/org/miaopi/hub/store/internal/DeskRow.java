package org.miaopi.hub.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "HUB_DESK")
public class DeskRow {
	@Id
	@Column(name = "NAME")
	public String name;
	@Column(name = "ROLE")
	public String role;
	@Column(name = "DEPARTMENT")
	public String department;
	@Column(name = "CERT_SERIAL")
	public String certSerial;
	@Column(name = "ENROLLED_MS")
	public long enrolledMs;
	@Column(name = "REVOKED_MS")
	public Long revokedMs;
}
