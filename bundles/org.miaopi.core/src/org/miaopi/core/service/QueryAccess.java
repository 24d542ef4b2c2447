package org.miaopi.core.service;

import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException.Rule;

/**
 * The access rules every store implementation applies, kept in the core so that the workbench,
 * the CLI and a future hub enforce the same thing: officers and supervisors see their own
 * department only (an admin sees none); only officers (and the 秒批 system) move dossiers, and of a
 * dossier an officer holds, only that officer; a supervisor gives dossiers to officers. A city supervisor
 * reads any department's dossier (opened from the supervision views), and moves none.
 */
public final class QueryAccess {

	private QueryAccess() {
	}

	/** The only department whose dossiers {@code viewer} may list. */
	public static String readableDepartment(Officer viewer) {
		if (viewer.isSystem()) {
			throw new AccessDeniedException(Rule.NO_ROLE, "the 秒批 system has no queue");
		}
		if (!viewer.hasRole(Role.OFFICER) && !viewer.hasRole(Role.SUPERVISOR)) {
			throw new AccessDeniedException(Rule.NO_ROLE,
					viewer.id() + " has neither the officer nor the supervisor role, so sees no dossiers");
		}
		return viewer.departmentCode();
	}

	public static void requireRead(Officer viewer, String dossierDepartment, String dossierNo) {
		if (viewer.isSystem() || isCitySupervisor(viewer)) {
			return; // a city supervisor (市监察) reads every department's dossiers; lists stay by department
		}
		if (!readableDepartment(viewer).equals(dossierDepartment)) {
			throw new AccessDeniedException(Rule.OTHER_DEPARTMENT, "dossier " + dossierNo + " belongs to department "
					+ dossierDepartment + "; " + viewer.id() + " works for " + viewer.departmentCode());
		}
	}

	/** May {@code actor} move (or decide) a dossier of {@code dossierDepartment}? */
	public static void requireMayAct(Officer actor, String dossierDepartment, String dossierNo) {
		if (actor.isSystem()) {
			return;
		}
		if (!actor.hasRole(Role.OFFICER)) {
			throw new AccessDeniedException(actor.hasRole(Role.SUPERVISOR) ? Rule.READ_ONLY_ROLE : Rule.NO_ROLE,
					actor.id() + " is " + actor.roles() + ": supervisors read and audit dossiers but cannot decide"
							+ " or move them; an approval officer must do it");
		}
		requireRead(actor, dossierDepartment, dossierNo);
	}

	/**
	 * May {@code actor} move or decide {@code d} as it stands? A dossier that an officer holds
	 * (assigned, in review, waiting for a supplement) is moved by its holder alone; one waiting for
	 * a supplement that nobody holds must be claimed first. The 秒批 system is not bound by it.
	 */
	public static void requireHolder(Officer actor, Dossier d) {
		if (actor.isSystem() || !holdable(d)) {
			return;
		}
		if (d.assignedOfficerId() == null) {
			throw new AccessDeniedException(Rule.NOT_HOLDER, "nobody holds dossier " + d.number() + " (" + d.status()
					+ "): an officer claims it before moving or deciding it");
		}
		if (!d.assignedOfficerId().equals(actor.id())) {
			throw new AccessDeniedException(Rule.NOT_HOLDER, "dossier " + d.number() + " is held by "
					+ d.assignedOfficerId() + ": only they move or decide it, until they hand it back or a supervisor"
					+ " reassigns it; " + actor.id() + " does not hold it");
		}
	}

	/** An officer's decision is taken by the officer who holds the dossier, never on an unclaimed one. */
	public static void requireDecider(Officer actor, Dossier d) {
		if (actor.isSystem() || actor.id().equals(d.assignedOfficerId()) && holdable(d)) {
			return;
		}
		throw new AccessDeniedException(Rule.NOT_HOLDER, "only the officer who holds dossier " + d.number()
				+ " decides it; " + (d.assignedOfficerId() == null || !holdable(d) ? "nobody holds it: claim it first"
						: "it is held by " + d.assignedOfficerId()));
	}

	/** A supervisor of every department (held with {@link Role#SUPERVISOR}): reads any dossier, moves none. */
	public static boolean isCitySupervisor(Officer viewer) {
		return viewer.hasRole(Role.SUPERVISOR) && viewer.hasRole(Role.CITY_SUPERVISOR);
	}

	/** Statuses in which a dossier has a holder (or waits to be claimed, for a supplement). */
	public static boolean holdable(Dossier d) {
		return switch (d.status()) {
		case ASSIGNED, IN_REVIEW, SUPPLEMENT_REQUESTED -> true;
		default -> false;
		};
	}

	/** May {@code actor} give a dossier of {@code dossierDepartment} to an officer? Its department's supervisor may. */
	public static void requireMayReassign(Officer actor, String dossierDepartment, String dossierNo) {
		if (actor.isSystem()) {
			return;
		}
		if (!actor.hasRole(Role.SUPERVISOR)) {
			throw new AccessDeniedException(Rule.NO_ROLE, actor.id() + " is " + actor.roles()
					+ ": an officer claims a dossier for themselves; only a supervisor gives one to another officer");
		}
		if (!actor.departmentCode().equals(dossierDepartment)) { // reading all is not running all: own department only
			throw new AccessDeniedException(Rule.OTHER_DEPARTMENT, "dossier " + dossierNo + " belongs to department "
					+ dossierDepartment + "; " + actor.id() + " gives dossiers of " + actor.departmentCode() + " only");
		}
	}
}
