package org.miaopi.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.lifecycle.Lifecycle;

/**
 * One application (办件) for one matter, possibly part of a theme (一件事) dossier.
 * Status changes go through {@link #transitionTo} and {@link #assignTo}, which ask {@link Lifecycle}.
 *
 * @param themeDossierNo the theme dossier this one belongs to (the number of the {@link ThemeApplication} that lists its matter), or null
 * @param declaredData   values keyed by {@link DeclaredField#key()}, in form order
 * @param deadline       the committed time limit's last working day (a Beijing date)
 * @param assignedOfficerId who holds the dossier: required from ASSIGNED on while under review; kept afterwards as the
 *                          record of who reviewed; cleared when the dossier is handed back (PRE_CHECKED)
 */
public record Dossier(String number, String matterCode, String themeDossierNo, Applicant applicant,
		Map<String, String> declaredData, List<Material> materials, Instant received, LocalDate deadline,
		DossierStatus status, String assignedOfficerId, String departmentCode) {

	public Dossier {
		Checks.text(number, "number");
		Checks.text(matterCode, "matterCode");
		Checks.optionalText(themeDossierNo, "themeDossierNo");
		if (number.equals(themeDossierNo)) {
			throw new IllegalArgumentException("dossier " + number + " cannot be its own theme dossier");
		}
		Checks.present(applicant, "applicant");
		declaredData = Checks.orderedCopy(declaredData, "declaredData");
		materials = List.copyOf(Checks.present(materials, "materials"));
		Set<String> ids = new HashSet<>();
		for (Material m : materials) {
			if (!ids.add(m.id())) {
				throw new IllegalArgumentException("material " + m.id() + " appears twice in dossier " + number);
			}
		}
		Checks.present(received, "received");
		Checks.present(deadline, "deadline");
		if (deadline.isBefore(ChinaTime.dateOf(received))) {
			throw new IllegalArgumentException("deadline " + deadline + " is before the day of receipt "
					+ ChinaTime.dateOf(received));
		}
		Checks.present(status, "status");
		Checks.optionalText(assignedOfficerId, "assignedOfficerId");
		if ((status == DossierStatus.ASSIGNED || status == DossierStatus.IN_REVIEW) && assignedOfficerId == null) {
			throw new IllegalArgumentException("dossier " + number + " is " + status + " but assigned to nobody");
		}
		Checks.text(departmentCode, "departmentCode");
	}

	/**
	 * This dossier in status {@code next}.
	 *
	 * @throws org.miaopi.core.lifecycle.IllegalTransitionException if the lifecycle forbids it
	 */
	public Dossier transitionTo(DossierStatus next) {
		Lifecycle.require(status, next);
		return new Dossier(number, matterCode, themeDossierNo, applicant, declaredData, materials, received,
				deadline, next, next == DossierStatus.PRE_CHECKED ? null : assignedOfficerId, departmentCode);
	}

	/** This dossier, its status unchanged, held by {@code officerId} (null: by nobody). */
	public Dossier heldBy(String officerId) {
		return new Dossier(number, matterCode, themeDossierNo, applicant, declaredData, materials, received,
				deadline, status, officerId, departmentCode);
	}

	/** Whether an officer holds it now: assigned, in review, or waiting for a supplement they asked for. */
	public boolean isHeld() {
		return assignedOfficerId != null && (status == DossierStatus.ASSIGNED || status == DossierStatus.IN_REVIEW
				|| status == DossierStatus.SUPPLEMENT_REQUESTED);
	}

	/** This dossier assigned to an officer (PRE_CHECKED → ASSIGNED). */
	public Dossier assignTo(String officerId) {
		Lifecycle.require(status, DossierStatus.ASSIGNED);
		return new Dossier(number, matterCode, themeDossierNo, applicant, declaredData, materials, received,
				deadline, DossierStatus.ASSIGNED, Checks.text(officerId, "officerId"), departmentCode);
	}

	public boolean isPartOfTheme() {
		return themeDossierNo != null;
	}
}
