package org.miaopi.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "OFFICER")
public class OfficerRow {
	@Id
	@Column(name = "ID")
	String id;
	@Column(name = "NAME")
	String name;
	@Column(name = "DEPARTMENT_CODE")
	String departmentCode;
	/** Role names separated by commas. */
	@Column(name = "ROLES")
	String roles;
	@Column(name = "PASSWORD_HASH")
	String passwordHash;
}
