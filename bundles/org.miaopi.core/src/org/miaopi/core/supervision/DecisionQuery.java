package org.miaopi.core.supervision;

import java.time.Instant;
import java.time.LocalDate;

import org.miaopi.core.model.DecisionKind;

/**
 * The decision search: filters (each null for "any") and a keyset page. Decisions come newest first,
 * by decision time then dossier number; the next page starts after {@code afterTime}/{@code afterDossier}
 * of the last row shown, so a page deep in the list costs what the first one does.
 *
 * @param automatic   true: 秒批 decisions only; false: officers' only; null: both
 * @param overrideOnly officers' approvals over a mismatch only
 * @param carded      only decisions of dossiers that have a stored card
 */
public record DecisionQuery(String department, String matter, String officer, DecisionKind kind, String reasonCode,
		Boolean automatic, boolean overrideOnly, boolean carded, LocalDate from, LocalDate to, Instant afterTime,
		String afterDossier, int limit) {

	public DecisionQuery {
		if (limit < 1 || limit > 10_000) {
			throw new IllegalArgumentException("a page holds 1 to 10,000 decisions, got " + limit);
		}
		if ((afterTime == null) != (afterDossier == null)) {
			throw new IllegalArgumentException("a page starts after a decision time and dossier, or at the top");
		}
	}

	/** Every decision of a period, first page. */
	public static DecisionQuery period(LocalDate from, LocalDate to, int limit) {
		return new DecisionQuery(null, null, null, null, null, null, false, false, from, to, null, null, limit);
	}

	/** The same filters, the page after {@code last}. */
	public DecisionQuery after(DecisionRecord last) {
		return new DecisionQuery(department, matter, officer, kind, reasonCode, automatic, overrideOnly, carded, from, to,
				last.time(), last.dossierNo(), limit);
	}

	/** Does {@code d} pass the filters (not the page position nor the period, nor {@code carded})? */
	public boolean matches(DecisionRecord d) {
		return (department == null || department.equals(d.departmentCode()))
				&& (matter == null || matter.equals(d.matterCode())) && (officer == null || officer.equals(d.officerId()))
				&& (kind == null || kind == d.kind()) && (reasonCode == null || d.reasonCodes().contains(reasonCode))
				&& (automatic == null || automatic == d.automatic()) && (!overrideOnly || d.isOverride());
	}
}
