package org.miaopi.core.service;

import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException.Rule;

/**
 * The access rules every store implementation applies, kept in the core so that the workbench,
 * the CLI and a future hub enforce the same thing: officers and supervisors see their own
 * department only; only officers (and the 秒批 system) move dossiers.
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
		if (viewer.isSystem()) {
			return;
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
}
