package org.miaopi.core.supervision;

import java.util.Objects;

import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.AccessDeniedException;
import org.miaopi.core.service.AccessDeniedException.Rule;

/**
 * Who supervises what, kept in the core so the store, the CLI and the workbench apply one rule: a
 * department supervisor supervises their own department, a city supervisor ({@link Role#CITY_SUPERVISOR})
 * every department; officers, admins and the 秒批 system supervise nothing.
 */
public final class SupervisionAccess {

	private SupervisionAccess() {
	}

	/**
	 * The departments a supervisor sees.
	 *
	 * @param department the one department, or null for all of them (a city supervisor)
	 */
	public record Scope(String department) {

		public static final Scope ALL = new Scope(null);

		public boolean all() {
			return department == null;
		}

		public boolean covers(String departmentCode) {
			return department == null || department.equals(departmentCode);
		}

		/** The narrower of this scope and a requested department (null: no request). */
		public Scope narrowedTo(String requested, String viewerId) {
			if (requested == null) {
				return this;
			}
			if (!covers(requested)) {
				throw new AccessDeniedException(Rule.OTHER_DEPARTMENT,
						viewerId + " supervises department " + department + ", not " + requested);
			}
			return new Scope(requested);
		}
	}

	/** @throws AccessDeniedException {@code NO_ROLE} for anyone but a supervisor */
	public static Scope scope(Officer viewer) {
		Objects.requireNonNull(viewer, "viewer");
		if (viewer.isSystem() || !viewer.hasRole(Role.SUPERVISOR)) {
			throw new AccessDeniedException(Rule.NO_ROLE, viewer.id() + " is " + viewer.roles()
					+ ": only a supervisor opens the supervision views");
		}
		return viewer.hasRole(Role.CITY_SUPERVISOR) ? Scope.ALL : new Scope(viewer.departmentCode());
	}

	/** @throws AccessDeniedException if {@code viewer} does not supervise {@code departmentCode} */
	public static void requireSupervises(Officer viewer, String departmentCode, String what) {
		if (!scope(viewer).covers(departmentCode)) {
			throw new AccessDeniedException(Rule.OTHER_DEPARTMENT, what + " belongs to department " + departmentCode
					+ "; " + viewer.id() + " supervises " + viewer.departmentCode() + " only");
		}
	}
}
