package org.miaopi.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "DEPARTMENT")
public class DepartmentRow {
	@Id
	@Column(name = "CODE")
	String code;
	@Column(name = "NAME_ZH")
	String nameZh;
	@Column(name = "NAME_EN")
	String nameEn;
}
