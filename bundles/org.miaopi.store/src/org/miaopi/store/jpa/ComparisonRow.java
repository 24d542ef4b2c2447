package org.miaopi.store.jpa;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "COMPARISON")
@IdClass(ComparisonRow.Key.class)
public class ComparisonRow {
	@Id
	@Column(name = "DOSSIER_NO")
	String dossierNo;
	@Id
	@Column(name = "RULE_ID")
	String ruleId;
	@Id
	@Column(name = "FIELD")
	String field;
	@Column(name = "DECLARED")
	String declared;
	@Column(name = "RECORDED")
	String recorded;
	@Column(name = "OUTCOME")
	String outcome;
	@Column(name = "SOURCE")
	String source;
	@Column(name = "AS_OF_MS")
	Long asOfMs;
	@Column(name = "NOTE")
	String note;

	public static class Key implements Serializable {
		private static final long serialVersionUID = 1L;
		String dossierNo;
		String ruleId;
		String field;

		public Key() {
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Key k && Objects.equals(dossierNo, k.dossierNo) && Objects.equals(ruleId, k.ruleId)
					&& Objects.equals(field, k.field);
		}

		@Override
		public int hashCode() {
			return Objects.hash(dossierNo, ruleId, field);
		}
	}
}
